namespace Payments.Core.Orders;

/// <summary>
/// The repeat-request rule every create endpoint shares: write the order before any provider call; a repeat
/// with the same content gets the stored order, one with other content a conflict.
/// </summary>
public sealed class OrderAdmission(IOrderRepository orders, TimeProvider time)
{
    public async Task<Admission> AdmitAsync(PaymentOrder candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var added = await orders.AddAsync(candidate, cancellationToken);
        var order = added.Order.Value;
        if (added.Added)
        {
            return new Admission(AdmissionKind.New, added.Order);
        }

        if (
            order.Provider != candidate.Provider
            || order.Kind != candidate.Kind
            || order.RequestFingerprint != candidate.RequestFingerprint
        )
        {
            return new Admission(AdmissionKind.Conflict, added.Order);
        }

        var kind = order.Status switch
        {
            OrderStatus.Unknown => AdmissionKind.Unresolved,
            OrderStatus.Created when order.IsCallInFlight(time.GetUtcNow()) => AdmissionKind.InProgress,
            OrderStatus.Created => AdmissionKind.Unresolved,
            _ => AdmissionKind.Existing,
        };
        return new Admission(kind, added.Order);
    }
}
