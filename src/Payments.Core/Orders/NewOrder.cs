namespace Payments.Core.Orders;

/// <summary>What is known of an order before the provider is called.</summary>
public sealed record NewOrder(
    string Id,
    PaymentProvider Provider,
    string RequestFingerprint,
    DateTimeOffset? FirstCheckAt,
    decimal? Amount = null,
    string? Currency = null,
    string? CustomerReference = null,
    string? CustomerIp = null,
    string? CardLast4 = null,
    OrderKind Kind = OrderKind.Payment,
    string? ParentOrderId = null,
    Recurrence? Recurrence = null
);
