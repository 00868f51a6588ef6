namespace Payments.Core.Operations.Sync;

/// <summary>
/// An operator asks the provider about one order now (<paramref name="OrderId"/>), or (null) runs one poll cycle.
/// </summary>
public sealed record OperatorSyncCommand(string? OrderId)
{
    public static OperatorSyncCommand PollCycle { get; } = new((string?)null);
}
