namespace Payments.Core.Orders;

/// <summary>
/// The result of <c>OrderUpdater.UpdateAsync</c>; <see cref="Order"/> is null when the order does not exist.
/// </summary>
public sealed record UpdateResult(TransitionKind? Kind, PaymentOrder? Order)
{
    public static UpdateResult NotFound { get; } = new(null, null);

    public bool Found => Order is not null;
}
