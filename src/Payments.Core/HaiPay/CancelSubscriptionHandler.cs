using Payments.Core.Orders;

namespace Payments.Core.HaiPay;

/// <summary>
/// Cancels a HaiPay subscription idempotently with <c>subscription/cancel</c>: one HaiPay has not numbered yet is asked
/// about first; one already canceled is answered as it is; HaiPay's signed answer is applied, anything else is checked.
/// </summary>
public sealed class CancelSubscriptionHandler(
    IOrderRepository orders,
    HaiPayClient client,
    HaiPayChecker checker,
    OrderUpdater updater
)
{
    /// <returns>Null when there is no HaiPay subscription with that id.</returns>
    public async Task<CancelOutcome?> HandleAsync(
        CancelSubscriptionCommand command,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(command);
        var subscription = await orders.FindHaiPayAsync(
            command.SubscriptionId,
            OrderKind.Subscription,
            cancellationToken
        );
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

        var reply = await client.CancelSubscriptionAsync(
            subscription.Currency ?? HaiPayOptions.DefaultCurrency,
            subscription.Id,
            subscription.ProviderReference,
            cancellationToken
        );
        if (reply is HaiPayReply.Ok ok)
        {
            var applied = await updater.UpdateAsync(
                subscription.Id,
                (o, at) => HaiPayVerdicts.Apply(o, ok.Data, at),
                cancellationToken
            );
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
                HaiPayReply.Refused refused => new CancelOutcome(
                    CancelOutcomeKind.Refused,
                    subscription,
                    refused.Error
                ),
                _ => new CancelOutcome(CancelOutcomeKind.Unavailable, subscription),
            };
    }
}
