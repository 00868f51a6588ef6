using Payments.Core.Orders;
using Payments.Core.Text;

namespace Payments.Core.Operations;

/// <summary>
/// Something that needs a person: an order (<paramref name="OrderId"/>, its status, reason, amount) or a provider
/// message (the order id it named, if any). <paramref name="Since"/>: when the order started waiting, or when the
/// message arrived.
/// </summary>
public sealed record AttentionItem(
    AttentionCategory Category,
    string? OrderId,
    PaymentProvider? Provider,
    string? Status,
    string? Reason,
    DateTimeOffset Since,
    decimal? Amount,
    string? Currency,
    ProviderText? Detail
);
