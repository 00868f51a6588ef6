namespace Payments.Core.Operations.Acknowledgements;

/// <summary>
/// An operator (<paramref name="By"/>) has seen why the final order <paramref name="OrderId"/> was flagged for a
/// person, and says what they found in <paramref name="Note"/>.
/// </summary>
public sealed record AcknowledgeOrderCommand(string OrderId, OperatorPrincipal By, string Note);
