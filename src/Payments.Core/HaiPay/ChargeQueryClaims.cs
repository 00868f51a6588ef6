using Payments.Core.Idempotency;

namespace Payments.Core.HaiPay;

/// <summary>
/// The claim an unverified charge notification takes before asking HaiPay about that charge: one per subscription and
/// charge number (<c>orderNo</c>) per <see cref="HaiPayOptions.UnverifiedQueryInterval"/>, so a message naming one
/// charge (made up or not) never uses up the query another charge needs. Kept as a row of the idempotency table under a
/// key no merchant can send (it contains spaces), expiring after the interval and deleted by the daily purge; claimed
/// by insert, or by compare-and-swap over an expired row, so concurrent messages and instances share it.
/// </summary>
public sealed class ChargeQueryClaims(IIdempotencyStore store)
{
    private const string Purpose = "haipay unverified charge query";

    /// <summary>
    /// Claims the query for <paramref name="subscriptionId"/>'s charge <paramref name="orderNo"/> when it is due: the
    /// claim row is read first, and only when no query was claimed within <paramref name="interval"/> is
    /// <paramref name="mayClaim"/> asked (e.g. for a token of the instance's budget) and, if it agrees, the claim
    /// written. Nothing is written otherwise.
    /// </summary>
    public async Task<ChargeQueryClaim> TryClaimAsync(
        string subscriptionId,
        string orderNo,
        TimeSpan interval,
        DateTimeOffset now,
        Func<bool> mayClaim,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(mayClaim);
        var key = $"{Purpose} {SubscriptionCharges.ChargeId(subscriptionId, orderNo)}";
        var claim = new IdempotencyRecord(Purpose, now + interval, null, null);
        var existing = await store.FindAsync(key, cancellationToken);
        if (existing is { } row && row.Value.ExpiresAt > now && row.Value.ExpiresAt - interval <= now)
        {
            return ChargeQueryClaim.NotDue;
        }

        if (!mayClaim())
        {
            return ChargeQueryClaim.Refused;
        }

        var won = existing is null
            ? await store.TryAddAsync(key, claim, cancellationToken) is not null
            : await store.TryReplaceAsync(key, claim, existing.Version, cancellationToken) is not null;
        return won ? ChargeQueryClaim.Won : ChargeQueryClaim.NotDue;
    }
}

/// <summary>What <see cref="ChargeQueryClaims.TryClaimAsync"/> came to.</summary>
public enum ChargeQueryClaim
{
    /// <summary>This caller claimed the query: it asks HaiPay.</summary>
    Won,

    /// <summary>
    /// Another message claimed it within the interval (or won the race for it): nobody asks again yet.
    /// </summary>
    NotDue,

    /// <summary>The query was due, but the caller's condition (the budget) refused it: nothing was written.</summary>
    Refused,
}
