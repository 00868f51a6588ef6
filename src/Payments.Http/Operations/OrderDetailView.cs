using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Payments.Core.Audit;
using Payments.Core.Orders;
using Payments.Core.Text;
using Payments.Core.Webhooks;
using Payments.Http.Contracts;

namespace Payments.Http.Operations;

/// <summary>
/// The answer of <c>GET api/ops/orders/{orderId}</c>: an order as an operator decides on it, with its newest audit
/// records and its webhook deliveries (each list bounded; <c>...More</c> says when older ones were left out). Money is
/// decimal text; every text a provider wrote (status, errors, audit payloads) is redacted as provider text; the
/// provider's reference is an identifier, shown whole as the merchant's order view and the close show it.
/// </summary>
public sealed record OrderDetailView(
    string OrderId,
    string Provider,
    string Kind,
    string Status,
    string? ProviderStatus,
    [property: Description("The provider's id of the order, to look it up in the provider's panel.")]
        string? ProviderReference,
    string? Currency,
    [property: Description("The amount ordered."), RegularExpression(DecimalText.Pattern)] string? Amount,
    [property: Description("What the provider reports as received."), RegularExpression(DecimalText.Pattern)]
        string? ReceivedAmount,
    [property: Description("The provider's fee."), RegularExpression(DecimalText.Pattern)] string? Fee,
    string? LastError,
    [property: Description("Why a person must look (a documented review reason).")] string? ReviewReason,
    DateTimeOffset? ReviewAcknowledgedAt,
    string? ReviewAcknowledgedBy,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt,
    [property: Description("The order's audit records, newest first.")] IReadOnlyList<OrderAuditView> Audit,
    [property: Description("True when older audit records were left out.")] bool AuditMore,
    [property: Description("The order's webhook deliveries, latest attempt first.")]
        IReadOnlyList<OrderWebhookView> Webhooks,
    [property: Description("True when more deliveries are stored than listed.")] bool WebhooksMore
)
{
    public static OrderDetailView From(
        PaymentOrder order,
        IReadOnlyList<AuditRecord> audit,
        bool auditMore,
        IReadOnlyList<WebhookDelivery> webhooks,
        bool webhooksMore
    )
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(
            order.Id,
            order.Provider.ToString(),
            order.Kind.ToString(),
            order.Status.ToString(),
            order.ProviderStatus?.Value,
            order.ProviderReference,
            order.Currency,
            DecimalText.Of(order.Amount),
            DecimalText.Of(order.ReceivedAmount),
            DecimalText.Of(order.Fee),
            order.LastError?.Value,
            order.ReviewReason?.Name(),
            order.ReviewAcknowledgedAt,
            order.ReviewAcknowledgedBy,
            order.ResolvedAt,
            order.CreatedAt,
            order.UpdatedAt,
            order.CompletedAt,
            [.. audit.OrderByDescending(a => a.At).Select(OrderAuditView.From)],
            auditMore,
            [.. webhooks.OrderByDescending(w => w.NextAttemptAt).Select(w => OrderWebhookView.From(w, order))],
            webhooksMore
        );
    }
}

/// <summary>One audit record of the order: what happened (its kind), when, and what was kept (redacted).</summary>
public sealed record OrderAuditView(string Kind, DateTimeOffset At, string Payload)
{
    public static OrderAuditView From(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.Kind, record.At, ProviderText.Of(record.Payload).Value);
    }
}

/// <summary>One webhook delivery of the order's events.</summary>
public sealed record OrderWebhookView(
    string EventId,
    [property: Description("The event's type when it is the order's last event; null otherwise.")] string? Type,
    [property: Description("Pending, Delivered or Abandoned.")] string State,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? FinishedAt
)
{
    public static OrderWebhookView From(WebhookDelivery delivery, PaymentOrder order)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(order);
        return new(
            delivery.EventId,
            order.LastEvent is { } last && last.Id == delivery.EventId ? last.Type : null,
            delivery.State.ToString(),
            delivery.Attempts,
            delivery.LastStatusCode,
            ProviderText.From(delivery.LastError)?.Value,
            delivery.NextAttemptAt,
            delivery.FinishedAt
        );
    }
}
