using Payments.Core.Orders;

namespace Payments.Http.Endpoints;

/// <summary>What a merchant sees of an order. Never carries card data beyond the last four digits.</summary>
public sealed record OrderView(
    string OrderId,
    string Provider,
    string Status,
    string? ProviderStatus,
    decimal? Amount,
    string? Currency,
    string? RedirectUrl,
    string? CardLast4,
    string? ReviewReason,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt)
{
    public static OrderView From(PaymentOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(
            order.Id,
            order.Provider.ToString(),
            order.Status.ToString(),
            order.ProviderStatus,
            order.Amount,
            order.Currency,
            order.RedirectUrl,
            order.CardLast4,
            order.ReviewReason,
            order.LastError,
            order.CreatedAt,
            order.UpdatedAt,
            order.CompletedAt);
    }
}
