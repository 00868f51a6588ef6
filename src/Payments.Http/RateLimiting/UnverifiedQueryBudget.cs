using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Payments.Core.HaiPay;

namespace Payments.Http.RateLimiting;

/// <summary>
/// What notifications failing verification may make this instance do, across every order and charge number they name:
/// at most <see cref="HaiPayOptions.UnverifiedQueryBudget"/> status queries (and charge-claim rows) per
/// <see cref="HaiPayOptions.UnverifiedQueryBudgetPeriod"/>, a token bucket read at start. Past it a forged message is
/// still recorded (as a capped summary) and answered 401, but asks HaiPay nothing; the poller still checks open orders.
/// </summary>
public sealed class UnverifiedQueryBudget(IOptions<HaiPayOptions> options) : IUnverifiedQueryBudget, IDisposable
{
    private readonly TokenBucketRateLimiter bucket = new(
        new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.UnverifiedQueryBudget,
            TokensPerPeriod = options.Value.UnverifiedQueryBudget,
            ReplenishmentPeriod = options.Value.UnverifiedQueryBudgetPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        }
    );

    public bool TryTake()
    {
        using var lease = bucket.AttemptAcquire();
        return lease.IsAcquired;
    }

    public void Dispose() => bucket.Dispose();
}
