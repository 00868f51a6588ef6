namespace Payments.Core.Operations;

/// <summary>
/// What an operator request's optional body says: the name typed (recorded only with an operator key, see
/// <see cref="OperatorPrincipal.Naming"/>) and why, for the audit record.
/// </summary>
public sealed record OperatorNote(string? Operator, string? Note)
{
    public static OperatorNote None { get; } = new(null, null);
}
