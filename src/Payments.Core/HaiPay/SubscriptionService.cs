using Microsoft.Extensions.Options;
using Payments.Core.Orders;

namespace Payments.Core.HaiPay;

/// <summary>
/// HaiPay card subscriptions. Created like collections (written first, the same repeat rules, never a blind second
/// apply); read with an optional <c>subscription/query</c>; canceled idempotently with <c>subscription/cancel</c>.
/// </summary>
public sealed class SubscriptionService(
    OrderAdmission admissions,
    HaiPayOrderCreator creator,
    HaiPayClient client,
    HaiPayChecker checker,
    IOrderRepository orders,
    OrderUpdater updater,
    IOptionsMonitor<HaiPayOptions> options,
    TimeProvider time)
{
    public async Task<CreateOutcome> CreateAsync(CreateSubscriptionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = time.GetUtcNow();
        var payment = command.Payment;
        var candidate = PaymentOrder.Create(
            new NewOrder(command.SubscriptionId, PaymentProvider.HaiPay, command.Fingerprint, options.CurrentValue.Checks.Next(0, now, now),
                payment.Amount, payment.Currency, payment.PartnerUserId, payment.CustomerIp, payment.Card.Last4,
                OrderKind.Subscription, Recurrence: command.Recurrence),
            now);
        var admission = await admissions.AdmitAsync(candidate, cancellationToken);
        return await creator.CreateAsync(admission, ct => client.ApplySubscriptionAsync(command, ct));
    }

    /// <returns>Null when there is no HaiPay subscription with that id; with <paramref name="refresh"/>, after asking HaiPay.</returns>
    public async Task<PaymentOrder?> FindAsync(string subscriptionId, bool refresh, CancellationToken cancellationToken)
    {
        var subscription = await orders.FindHaiPayAsync(subscriptionId, OrderKind.Subscription, cancellationToken);
        return refresh && subscription is not null && !subscription.Status.IsFinal()
            ? (await checker.CheckAsync(subscription, scheduled: false, cancellationToken)).Order
            : subscription;
    }

    /// <returns>Null when there is no HaiPay subscription with that id.</returns>
    public async Task<CancelOutcome?> CancelAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var subscription = await orders.FindHaiPayAsync(subscriptionId, OrderKind.Subscription, cancellationToken);
        if (subscription is { ProviderReference: null, Status: OrderStatus.Created or OrderStatus.Unknown })
        {
            subscription = (await checker.CheckAsync(subscription, scheduled: false, cancellationToken)).Order;
        }

        switch (subscription)
        {
            case null:
                return null;
            case { Status: OrderStatus.Canceled }:
                return new CancelOutcome(CancelOutcomeKind.Canceled, subscription);
            case { ProviderReference: null } or { Status: OrderStatus.Failed or OrderStatus.Rejected }:
                return new CancelOutcome(CancelOutcomeKind.NotAllowed, subscription);
        }

        var reply = await client.CancelSubscriptionAsync(subscription.Currency ?? HaiPayOptions.DefaultCurrency, subscription.Id, subscription.ProviderReference, cancellationToken);
        if (reply is HaiPayReply.Ok ok)
        {
            var applied = await updater.UpdateAsync(subscription.Id, (o, at) => HaiPayVerdicts.Apply(o, ok.Data, at), cancellationToken);
            subscription = applied.Order ?? subscription;
        }
        else
        {
            subscription = (await checker.CheckAsync(subscription, scheduled: false, cancellationToken)).Order;
        }

        return subscription.Status == OrderStatus.Canceled
            ? new CancelOutcome(CancelOutcomeKind.Canceled, subscription)
            : reply switch
            {
                HaiPayReply.Refused refused => new CancelOutcome(CancelOutcomeKind.Refused, subscription, refused.Error),
                _ => new CancelOutcome(CancelOutcomeKind.Unavailable, subscription),
            };
    }
}
