using System.Globalization;
using Payments.Core.Operations;

namespace Payments.Http.Operations;

/// <summary>
/// One thing needing an operator, as <c>GET api/ops/attention</c> lists it (amount as decimal text, never a double).
/// </summary>
public sealed record AttentionItemView(
    string Category,
    string? OrderId,
    string? Provider,
    string? Status,
    string? Reason,
    DateTimeOffset Since,
    string? Amount,
    string? Currency,
    string? Detail
)
{
    public static AttentionItemView From(AttentionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(
            AttentionCategories.Name(item.Category),
            item.OrderId,
            item.Provider?.ToString().ToLowerInvariant(),
            item.Status,
            item.Reason,
            item.Since,
            item.Amount?.ToString(CultureInfo.InvariantCulture),
            item.Currency,
            item.Detail?.Value
        );
    }
}
