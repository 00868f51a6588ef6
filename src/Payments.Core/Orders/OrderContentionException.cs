namespace Payments.Core.Orders;

/// <summary>The order kept changing underneath every attempt; the caller answers 503 so the sender retries.</summary>
public sealed class OrderContentionException(string orderId)
    : Exception($"Order '{orderId}' kept changing concurrently; try again.")
{
    public string OrderId { get; } = orderId;
}
