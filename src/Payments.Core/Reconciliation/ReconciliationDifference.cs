using Payments.Core.Operations;
using Payments.Core.Orders;
using Payments.Core.Text;

namespace Payments.Core.Reconciliation;

/// <summary>
/// A difference between our books and a provider's for one order on one reconciled day, with both sides: listed for
/// operators in the <c>reconciliation</c> category. <see cref="Ours"/> is null when we hold no such order (a payment
/// the provider reports that never reached us); <see cref="Theirs"/> when the provider holds none. Recording the same
/// day, source and order again replaces the row, so a run repeated never lists a difference twice.
/// </summary>
public sealed record ReconciliationDifference(
    DateOnly Day,
    string Source,
    string OrderId,
    PaymentProvider Provider,
    string? Currency,
    ReconciledSide? Ours,
    ReconciledSide? Theirs,
    IReadOnlyList<string> Fields,
    DateTimeOffset FoundAt
)
{
    /// <summary>Source of a difference found by asking HaiPay (its signed status query).</summary>
    public const string HaiPayQuery = "haipay-query";

    /// <summary>Source of a difference found in an imported HUAWEIPIN transaction export.</summary>
    public const string HuaweiPinImport = "huaweipin-import";

    /// <summary>What operators read: which fields differ, then both sides.</summary>
    public ProviderText Detail =>
        ProviderText.Of(
            $"{string.Join(", ", Fields)} differ on {Day:yyyy-MM-dd}: ours {Ours?.ToString() ?? "none"}; "
                + $"provider {Theirs?.ToString() ?? "none"}"
        );

    /// <summary>
    /// What makes the difference one of its day: the source and a digest of the order id (a provider's id may be long
    /// or odd; the id itself is kept beside it).
    /// </summary>
    public string Identity =>
        Source
        + "-"
        + Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(OrderId))
        )[..32];

    /// <summary>When the reconciled day began (UTC): what the listing is ordered by, newest day first.</summary>
    public DateTimeOffset Since => new(Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

    /// <summary>The item operators list.</summary>
    public AttentionItem Item() =>
        new(
            AttentionCategory.Reconciliation,
            OrderId,
            Provider,
            Theirs?.Status ?? Ours?.Status,
            string.Join(",", Fields),
            Since,
            Ours?.Amount ?? Theirs?.Amount,
            Currency,
            Detail
        );
}
