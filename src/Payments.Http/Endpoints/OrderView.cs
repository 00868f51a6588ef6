using System.ComponentModel.DataAnnotations;
using Payments.Core.Orders;
using Payments.Http.Contracts;

namespace Payments.Http.Endpoints;

/// <summary>What a merchant sees of an order. Never carries card data beyond the last four digits.</summary>
public sealed record OrderView(
    string OrderId,
    string Provider,
    string Kind,
    string Status,
    string? ProviderStatus,
    string? ProviderReference,
    [property: RegularExpression(DecimalText.Pattern)] string? Amount,
    [property: RegularExpression(DecimalText.Pattern)] string? ReceivedAmount,
    string? Currency,
    string? RedirectUrl,
    string? CardLast4,
    string? ParentOrderId,
    string? RefundOrderId,
    string? ReviewReason,
    string? LastError,
    string? DeclineReason,
    int Checks,
    DateTimeOffset? NextCheckAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? ReviewAcknowledgedAt
)
{
    public static OrderView From(PaymentOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(
            order.Id,
            order.Provider.ToString(),
            order.Kind.ToString(),
            order.Status.ToString(),
            order.ProviderStatus?.Value,
            order.ProviderReference,
            DecimalText.Of(order.Amount),
            DecimalText.Of(order.ReceivedAmount),
            order.Currency,
            order.RedirectUrl?.Value,
            order.CardLast4,
            order.ParentOrderId,
            order.RefundOrderId,
            order.ReviewReason?.Name(),
            order.LastError?.Value,
            order.DeclineReason?.Value,
            order.Checks,
            order.NextCheckAt,
            order.CreatedAt,
            order.UpdatedAt,
            order.CompletedAt,
            order.ReviewAcknowledgedAt
        );
    }
}
