namespace Payments.Core.Orders;

/// <summary>The documented names of <see cref="ReviewReason"/> and the rules that read them.</summary>
public static class ReviewReasons
{
    private static readonly Dictionary<ReviewReason, string> Names = new()
    {
        [ReviewReason.SucceededAfterExpiry] = "succeeded-after-expiry",
        [ReviewReason.SucceededAfterFailure] = "succeeded-after-failure",
        [ReviewReason.ChecksExhausted] = "checks-exhausted",
        [ReviewReason.ProviderStatus] = "provider-status",
        [ReviewReason.PartialCollection] = "partial-collection",
        [ReviewReason.OverCollection] = "over-collection",
        [ReviewReason.AmountMismatch] = "amount-mismatch",
        [ReviewReason.UnknownCallbackStatus] = "unknown-callback-status",
        [ReviewReason.UnreadableCallback] = "unreadable-callback",
        [ReviewReason.UnknownProviderStatus] = "unknown-provider-status",
        [ReviewReason.ChargeAfterEnd] = "charge-after-subscription-ended",
        [ReviewReason.PayUrlUnknown] = "pay-url-unknown",
        [ReviewReason.ProviderHasNoRecord] = "provider-has-no-record",
        [ReviewReason.ProviderContradictsFinal] = "provider-contradicts-final",
        [ReviewReason.ProviderReportsPayment] = "provider-reports-payment",
    };

    private static readonly Dictionary<string, ReviewReason> ByName = Names.ToDictionary(
        n => n.Value,
        n => n.Key,
        StringComparer.Ordinal
    );

    /// <summary>Every reason's documented name, in declaration order.</summary>
    public static IReadOnlyCollection<string> All => Names.Values;

    /// <summary>The reason's documented name (<c>succeeded-after-expiry</c>, ...).</summary>
    public static string Name(this ReviewReason reason) =>
        Names.TryGetValue(reason, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(reason));

    /// <summary>The reason a documented name stands for; null for any other text.</summary>
    public static ReviewReason? Parse(string? name) =>
        name is not null && ByName.TryGetValue(name, out var reason) ? reason : null;

    /// <summary>
    /// Whether a final order carrying <paramref name="reason"/> still needs a person (until acknowledged). The reasons
    /// an open order waited for (checks exhausted, no record, unknown status, no pay page) are answered by the signed
    /// final verdict that ended it; these are raised by, or survive, that verdict.
    /// </summary>
    public static bool FlagsFinalOrder(ReviewReason? reason) =>
        reason
            is ReviewReason.SucceededAfterExpiry
                or ReviewReason.SucceededAfterFailure
                or ReviewReason.AmountMismatch
                or ReviewReason.PartialCollection
                or ReviewReason.OverCollection
                or ReviewReason.ChargeAfterEnd
                or ReviewReason.ProviderContradictsFinal
                or ReviewReason.ProviderReportsPayment;
}
