using Payments.Core.Orders;

namespace Payments.Core.Operations.Sync;

/// <summary>What an operator's sync came to.</summary>
public abstract record OperatorSyncResult
{
    private OperatorSyncResult() { }

    /// <summary>One poll cycle ran and checked <paramref name="Count"/> due HaiPay orders.</summary>
    public sealed record Polled(int Count) : OperatorSyncResult;

    /// <summary>No order has the id.</summary>
    public sealed record OrderNotFound : OperatorSyncResult;

    /// <summary>
    /// The order's provider publishes no status query (HUAWEIPIN): its callback is the only source of truth.
    /// </summary>
    public sealed record NoStatusQuery : OperatorSyncResult;

    /// <summary>The provider was asked; <paramref name="Order"/> is the order with its answer applied.</summary>
    public sealed record Checked(PaymentOrder Order) : OperatorSyncResult;
}
