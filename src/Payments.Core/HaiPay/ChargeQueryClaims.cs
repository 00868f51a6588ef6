using Payments.Core.Idempotency;

namespace Payments.Core.HaiPay;

/// <summary>
/// The claim an unverified charge notification takes before asking HaiPay about that charge: one per subscription and
/// charge number (<c>orderNo</c>) per <see cref="HaiPayOptions.UnverifiedQueryInterval"/>, so a message naming one charge
/// (made up or not) never uses up the query another charge needs. Kept as a row of the idempotency table under a key
/// no merchant can send (it contains spaces), expiring after the interval and deleted by the daily purge; claimed by
/// insert, or by compare-and-swap over an expired row, so concurrent messages and instances share it.
/// </summary>
public sealed class ChargeQueryClaims(IIdempotencyStore store)
{
    private const string Purpose = "haipay unverified charge query";

    /// <returns>True when this caller won the query for <paramref name="subscriptionId"/>'s charge <paramref name="orderNo"/>.</returns>
    public async Task<bool> TryClaimAsync(string subscriptionId, string orderNo, TimeSpan interval, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = $"{Purpose} {SubscriptionCharges.ChargeId(subscriptionId, orderNo)}";
        var claim = new IdempotencyRecord(Purpose, now + interval, null, null);
        var existing = await store.FindAsync(key, cancellationToken);
        if (existing is null)
        {
            return await store.TryAddAsync(key, claim, cancellationToken) is not null;
        }

        var last = existing.Value.ExpiresAt - interval;
        return (existing.Value.ExpiresAt <= now || last > now)
            && await store.TryReplaceAsync(key, claim, existing.Version, cancellationToken) is not null;
    }
}
