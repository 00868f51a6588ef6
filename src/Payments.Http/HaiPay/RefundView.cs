using System.ComponentModel.DataAnnotations;
using Payments.Core.Orders;
using Payments.Http.Contracts;

namespace Payments.Http.HaiPay;

/// <summary>A refund as the merchant sees it.</summary>
public sealed record RefundView(
    string RefundId,
    string CollectionId,
    string Status,
    string? ProviderStatus,
    string? ProviderReference,
    [property: RegularExpression(DecimalText.Pattern)] string? Amount,
    string? LastError,
    string? DeclineReason
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
            DecimalText.Of(refund.Amount),
            refund.LastError?.Value,
            refund.DeclineReason?.Value
        );
    }
}
