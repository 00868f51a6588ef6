using System.Globalization;
using Payments.Core.Orders;

namespace Payments.Core.Ledger;

/// <summary>
/// One money movement or flag, as the order stood after the write that made it. Stored in a partition per UTC
/// <see cref="Day"/>; <see cref="Key"/> names it within the day and is the same for every retry of the same write (the
/// order's id, its entry number and a digest of what the entry says), so writing it again changes nothing and two
/// racing writers of different content never overwrite each other. The order keeps the entry's <see cref="Mark"/>:
/// an entry whose order write failed is found without it and dropped.
/// </summary>
public sealed record LedgerEntry
{
    public required DateOnly Day { get; init; }
    public required string Key { get; init; }
    public required LedgerEntryKind Kind { get; init; }
    public required string OrderId { get; init; }
    public required PaymentProvider Provider { get; init; }
    public required OrderKind OrderKind { get; init; }
    public required OrderStatus Status { get; init; }
    public required DateTimeOffset At { get; init; }
    public string? ParentOrderId { get; init; }
    public string? Currency { get; init; }

    /// <summary>The amount of the order (as the provider reported it with its verdict).</summary>
    public decimal? Amount { get; init; }

    /// <summary>What the provider says it actually collected, when it says so.</summary>
    public decimal? ReceivedAmount { get; init; }

    /// <summary>The provider's handling fee for this movement, when it reports one.</summary>
    public decimal? Fee { get; init; }

    public ReviewReason? ReviewReason { get; init; }
    public string? ProviderReference { get; init; }

    /// <summary>The write was an operator's resolution of an order that needed a person.</summary>
    public bool ByOperator { get; init; }

    /// <summary>
    /// What moved by our books: the amount received (or, when the provider does not say, the order's amount) for a
    /// collection, a charge or a refund; zero for a flag or a failed resolution.
    /// </summary>
    public decimal Moved =>
        Kind is LedgerEntryKind.Collected or LedgerEntryKind.Charged or LedgerEntryKind.Refunded
            ? ReceivedAmount ?? Amount ?? 0m
            : 0m;

    /// <summary>The day and key together, as the order keeps them.</summary>
    public string Mark => MarkOf(Day, Key);

    public static string MarkOf(DateOnly day, string key) =>
        day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "/" + key;
}
