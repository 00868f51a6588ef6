using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Payments.Core.Orders;

namespace Payments.Core.Ledger;

/// <summary>
/// Which writes of an order make a ledger entry, decided from the order before and after the write: it succeeded
/// (money collected, charged or refunded), money was flagged for a person (a reason that flags a final order, newly
/// set or set again after an acknowledgement), or an operator resolved it. One write makes at most one entry.
/// </summary>
public static class LedgerEntries
{
    /// <summary>The most marks an order keeps: its newest ones, far more than any order makes.</summary>
    public const int MaxMarks = 64;

    /// <summary>
    /// The entry the write from <paramref name="before"/> (null: the order is new) to <paramref name="after"/> makes,
    /// or null when it moves and flags no money.
    /// </summary>
    public static LedgerEntry? For(PaymentOrder? before, PaymentOrder after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var moved =
            after.Status == OrderStatus.Succeeded && before?.Status != OrderStatus.Succeeded
                ? MovementOf(after.Kind)
                : null;
        var resolved = after.ResolvedAt is { } at && before?.ResolvedAt != at;
        var kind = moved
            ?? (
                resolved ? LedgerEntryKind.Resolved
                : Flags(before, after) ? LedgerEntryKind.Flagged
                : (LedgerEntryKind?)null
            );
        return kind is { } k ? Entry(k, after, resolved) : null;
    }

    /// <summary>The order as written: <paramref name="after"/> keeping the entry's mark among its newest.</summary>
    public static PaymentOrder Marked(PaymentOrder after, LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(entry);
        var marks = (after.LedgerMarks?.Split(' ') ?? []).Append(entry.Mark).TakeLast(MaxMarks);
        return after with { LedgerMarks = string.Join(' ', marks), LedgerCount = after.LedgerCount + 1 };
    }

    /// <summary>Whether <paramref name="order"/> keeps <paramref name="entry"/>'s mark: its write landed.</summary>
    public static bool Holds(PaymentOrder? order, LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return order?.LedgerMarks?.Split(' ').Contains(entry.Mark, StringComparer.Ordinal) == true;
    }

    private static LedgerEntryKind? MovementOf(OrderKind kind) =>
        kind switch
        {
            OrderKind.Payment => LedgerEntryKind.Collected,
            OrderKind.Refund => LedgerEntryKind.Refunded,
            OrderKind.SubscriptionCharge => LedgerEntryKind.Charged,
            _ => null,
        };

    private static bool Flags(PaymentOrder? before, PaymentOrder after) =>
        ReviewReasons.FlagsFinalOrder(after.ReviewReason)
        && after.ReviewAcknowledgedAt is null
        && (before is null || before.ReviewReason != after.ReviewReason || before.ReviewAcknowledgedAt is not null);

    private static LedgerEntry Entry(LedgerEntryKind kind, PaymentOrder order, bool byOperator)
    {
        var day = DateOnly.FromDateTime(order.UpdatedAt.UtcDateTime);
        var number = order.LedgerCount + 1;
        var content = string.Join(
            '\n',
            order.Id,
            number.ToString(CultureInfo.InvariantCulture),
            kind,
            order.Status,
            order.Currency,
            Text(order.Amount),
            Text(order.ReceivedAmount),
            Text(order.Fee),
            order.ReviewReason?.Name(),
            order.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)
        );
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..32];
        return new LedgerEntry
        {
            Day = day,
            Key = digest,
            Kind = kind,
            OrderId = order.Id,
            Provider = order.Provider,
            OrderKind = order.Kind,
            Status = order.Status,
            At = order.UpdatedAt,
            ParentOrderId = order.ParentOrderId,
            Currency = order.Currency,
            Amount = order.Amount,
            ReceivedAmount = order.ReceivedAmount,
            Fee = order.Fee,
            ReviewReason = ReviewReasons.FlagsFinalOrder(order.ReviewReason) ? order.ReviewReason : null,
            ProviderReference = order.ProviderReference,
            ByOperator = byOperator,
        };
    }

    private static string? Text(decimal? amount) => amount?.ToString(CultureInfo.InvariantCulture);
}
