using Payments.Core.Orders;

namespace Payments.Http.HaiPay;

/// <summary>A refund as the merchant sees it.</summary>
public sealed record RefundView(
    string RefundId,
    string CollectionId,
    string Status,
    string? ProviderStatus,
    string? ProviderReference,
    decimal? Amount,
    string? LastError
)
{
    public static RefundView From(PaymentOrder refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        return new(
            refund.Id,
            refund.ParentOrderId ?? string.Empty,
            refund.Status.ToString(),
            refund.ProviderStatus?.Value,
            refund.ProviderReference,
            refund.Amount,
            refund.LastError?.Value
        );
    }
}
