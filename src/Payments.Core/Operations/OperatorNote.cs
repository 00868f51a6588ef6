namespace Payments.Core.Operations;

/// <summary>Who did an operator action and why (both optional), for the audit record.</summary>
public sealed record OperatorNote(string? Operator, string? Note)
{
    public static OperatorNote None { get; } = new(null, null);
}
