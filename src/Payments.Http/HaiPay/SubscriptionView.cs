using System.ComponentModel.DataAnnotations;
using Payments.Core.Orders;
using Payments.Http.Contracts;

namespace Payments.Http.HaiPay;

/// <summary>
/// What a merchant sees of a HaiPay subscription: our status and HaiPay's, the 3-D Secure page, the recurrence, its
/// charges.
/// </summary>
public sealed record SubscriptionView(
    string SubscriptionOrderId,
    string Status,
    string? ProviderStatus,
    string? SubscriptionNo,
    [property: RegularExpression(DecimalText.Pattern)] string? Amount,
    string? Currency,
    string? RecurringInterval,
    int? RecurringIntervalCount,
    int? RetryTimes,
    string? PayUrl,
    string? CardLast4,
    string? ReviewReason,
    string? LastError,
    IReadOnlyList<ChargeView> Charges
)
{
    public static SubscriptionView From(PaymentOrder subscription, IEnumerable<PaymentOrder>? charges = null)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var recurrence = subscription.Recurrence;
        return new(
            subscription.Id,
            subscription.Status.ToString(),
            subscription.ProviderStatus?.Value,
            subscription.ProviderReference,
            DecimalText.Of(subscription.Amount),
            subscription.Currency,
            recurrence?.UnitCode,
            recurrence?.Count,
            recurrence?.RetryTimes,
            subscription.RedirectUrl?.Value,
            subscription.CardLast4,
            subscription.ReviewReason?.Name(),
            subscription.LastError?.Value,
            (charges ?? [])
                .OrderBy(c => c.CreatedAt)
                .ThenBy(c => c.Id, StringComparer.Ordinal)
                .Select(ChargeView.From)
                .ToList()
        );
    }
}
