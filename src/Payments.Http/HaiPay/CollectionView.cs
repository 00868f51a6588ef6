using System.ComponentModel.DataAnnotations;
using Payments.Core.Orders;
using Payments.Http.Contracts;

namespace Payments.Http.HaiPay;

/// <summary>
/// What a merchant sees of a HaiPay collection: our status, the 3-D Secure page, the card's last four digits, its
/// refund.
/// </summary>
public sealed record CollectionView(
    string OrderId,
    string Status,
    string? ProviderStatus,
    string? ProviderReference,
    [property: RegularExpression(DecimalText.Pattern)] string? Amount,
    [property: RegularExpression(DecimalText.Pattern)] string? ReceivedAmount,
    string? Currency,
    string? PayUrl,
    string? CardLast4,
    string? ReviewReason,
    string? LastError,
    string? DeclineReason,
    RefundView? Refund
)
{
    public static CollectionView From(PaymentOrder order, PaymentOrder? refund = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(
            order.Id,
            order.Status.ToString(),
            order.ProviderStatus?.Value,
            order.ProviderReference,
            DecimalText.Of(order.Amount),
            DecimalText.Of(order.ReceivedAmount),
            order.Currency,
            order.RedirectUrl?.Value,
            order.CardLast4,
            order.ReviewReason?.Name(),
            order.LastError?.Value,
            order.DeclineReason?.Value,
            refund is null ? null : RefundView.From(refund)
        );
    }
}
