using Payments.Core.Orders;

namespace Payments.Http.HaiPay;

/// <summary>One recurring charge of a subscription: its own order id, HaiPay's number for it, our status.</summary>
public sealed record ChargeView(
    string OrderId,
    string? OrderNo,
    string Status,
    string? ProviderStatus,
    decimal? Amount,
    decimal? ReceivedAmount,
    string? ReviewReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt
)
{
    public static ChargeView From(PaymentOrder charge)
    {
        ArgumentNullException.ThrowIfNull(charge);
        return new(
            charge.Id,
            charge.ProviderReference,
            charge.Status.ToString(),
            charge.ProviderStatus?.Value,
            charge.Amount,
            charge.ReceivedAmount,
            charge.ReviewReason?.Name(),
            charge.CreatedAt,
            charge.CompletedAt
        );
    }
}
