namespace Payments.Core.Orders;

/// <summary>
/// What a create request found in the order store, with the order as stored (<see cref="Stored"/>, its version
/// included): the first update after the insert starts from it instead of reading the order again.
/// </summary>
public sealed record Admission(AdmissionKind Kind, Versioned<PaymentOrder> Stored)
{
    public PaymentOrder Order => Stored.Value;
}
