using System.Globalization;
using Azure.Data.Tables;
using Payments.Azure.Orders;
using Payments.Core.Audit;
using Payments.Core.Operations;
using Payments.Core.Orders;
using Payments.Core.Text;

namespace Payments.Azure.Audit;

/// <summary>
/// The attention row of a provider message operators must see (<see cref="MessageAttention"/> says which and what they
/// are shown): in partition <c>unmatched-callbacks</c> or <c>unverified-callbacks</c>, newest first, with the item's
/// columns (Provider, OrderId, Status, Amount, Currency, Detail).
/// </summary>
internal static class CallbackAttention
{
    public static TableEntity? For(AuditRecord record) =>
        MessageAttention.For(record) is { } item
            ? new TableEntity(AttentionIndex.Partition(item.Category, null), AttentionIndex.MessageRowKey(record.At))
            {
                ["Provider"] = item.Provider?.ToString(),
                ["OrderId"] = item.OrderId,
                ["Status"] = item.Status,
                ["Amount"] = item.Amount?.ToString(CultureInfo.InvariantCulture),
                ["Currency"] = item.Currency,
                ["Detail"] = item.Detail?.Value,
            }
            : null;

    /// <summary>The item a row stands for.</summary>
    public static AttentionItem Item(AttentionCategory category, TableEntity row) =>
        new(
            category,
            row.GetString("OrderId"),
            Enum.TryParse<PaymentProvider>(row.GetString("Provider"), out var provider) ? provider : null,
            row.GetString("Status"),
            null,
            AttentionIndex.MessageTime(row.RowKey),
            decimal.TryParse(row.GetString("Amount"), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
                ? amount
                : null,
            row.GetString("Currency"),
            ProviderText.From(row.GetString("Detail"))
        );
}
