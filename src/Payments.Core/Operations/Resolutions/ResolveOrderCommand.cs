using Payments.Core.Orders;

namespace Payments.Core.Operations.Resolutions;

/// <summary>
/// An operator decides an order waiting for a person: <paramref name="Decision"/> Succeeded or Failed, on
/// <paramref name="Evidence"/> (<see cref="ResolutionEvidence"/>), by <paramref name="By"/>, for the reason in
/// <paramref name="Note"/>.
/// </summary>
public sealed record ResolveOrderCommand(
    string OrderId,
    OrderStatus Decision,
    OperatorPrincipal By,
    string Note,
    string Evidence
);
