namespace Payments.Core.Operations.Sync;

/// <summary>
/// An operator (<paramref name="By"/>) asks the provider about one order now (<paramref name="OrderId"/>), or (null)
/// runs one poll cycle.
/// </summary>
public sealed record OperatorSyncCommand(string? OrderId, OperatorPrincipal By);
