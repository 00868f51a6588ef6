using Microsoft.Extensions.Options;

namespace Payments.Sandbox.HaiPay;

/// <summary>
/// Charges active sandbox subscriptions on an accelerated clock (<see cref="HaiPaySandboxOptions.SubscriptionDay"/>):
/// the first charge when the customer confirms, then one per period. Each attempt is a platform order of its own,
/// notified like a collection; a declined one is retried a quarter day later up to <c>retryTimes</c>. Canceled
/// subscriptions are never charged again.
/// </summary>
public sealed class SubscriptionBilling(
    HaiPaySandbox sandbox,
    HaiPayNotifier notifier,
    IOptionsMonitor<HaiPaySandboxOptions> options,
    TimeProvider time
) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    public void Begin(SandboxSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (subscription)
        {
            subscription.NextChargeAt = subscription.CycleDueAt = time.GetUtcNow();
        }
    }

    /// <summary>
    /// Makes the charge now due of an active subscription at once (<paramref name="declined"/>: declined with
    /// <paramref name="reason"/>) and notifies it; the schedule moves on as after that charge. Null when the
    /// subscription is not active.
    /// </summary>
    public SandboxPayment? ChargeNow(SandboxSubscription subscription, bool declined, string? reason)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var charge = Charge(subscription, new Forced(declined, reason));
        if (charge is not null)
        {
            notifier.Start(charge);
        }

        return charge;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var subscription in sandbox.Subscriptions)
            {
                if (Charge(subscription, forced: null) is { } charge)
                {
                    notifier.Start(charge);
                }
            }
        }
    }

    private SandboxPayment? Charge(SandboxSubscription s, Forced? forced)
    {
        var now = time.GetUtcNow();
        var day = options.CurrentValue.SubscriptionDay;
        lock (s)
        {
            if (s.Status != 2 || (forced is null && s.NextChargeAt > now) || s.CycleDueAt is not { } cycleDue)
            {
                return null;
            }

            var declined = forced?.Declined ?? s.Charges.Count < sandbox.Faults.FailingCharges;
            var charge = new SandboxPayment(
                $"{s.SubscriptionNo}-{s.Cycle}-{s.Attempt}",
                sandbox.NextNumber(),
                s.Amount,
                s.Currency,
                s.NotifyUrl,
                s.CardLast4
            )
            {
                Subscription = s,
                Status = declined ? 3 : 2,
                ActualAmount = declined ? "0.00" : s.Amount,
                PayTime = declined ? null : notifier.Now(),
                ErrorMsg = declined ? forced?.Reason ?? "card declined by issuer" : null,
            };
            sandbox.TryAdd(charge);
            s.Charges.Enqueue(charge);
            if (declined && s.Attempt <= s.RetryTimes)
            {
                (s.Attempt, s.NextChargeAt) = (s.Attempt + 1, now + day / 4);
            }
            else
            {
                s.CycleDueAt = cycleDue + (day * s.PeriodDays);
                (s.Cycle, s.Attempt, s.NextChargeAt) = (s.Cycle + 1, 1, s.CycleDueAt);
            }

            return charge;
        }
    }

    /// <summary>A charge made through the control routes rather than by the clock.</summary>
    private sealed record Forced(bool Declined, string? Reason);
}
