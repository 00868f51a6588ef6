using System.ComponentModel.DataAnnotations;
using Payments.Core.Orders;
using Payments.Http.Contracts;

namespace Payments.Http.HaiPay;

/// <summary>One recurring charge of a subscription: its own order id, HaiPay's number for it, our status.</summary>
public sealed record ChargeView(
    string OrderId,
    string? OrderNo,
    string Status,
    string? ProviderStatus,
    [property: RegularExpression(DecimalText.Pattern)] string? Amount,
    [property: RegularExpression(DecimalText.Pattern)] string? ReceivedAmount,
    string? ReviewReason,
    string? DeclineReason,
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
            DecimalText.Of(charge.Amount),
            DecimalText.Of(charge.ReceivedAmount),
            charge.ReviewReason?.Name(),
            charge.DeclineReason?.Value,
            charge.CreatedAt,
            charge.CompletedAt
        );
    }
}
