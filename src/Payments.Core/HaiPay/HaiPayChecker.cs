using Microsoft.Extensions.Options;
using Payments.Core.Orders;
using Payments.Core.Text;

namespace Payments.Core.HaiPay;

/// <summary>
/// One status check of a collection or subscription charge (<c>collect/query</c>), refund (<c>refund/refundQuery</c>)
/// or subscription (<c>subscription/query</c>), applied by
/// compare-and-swap. A scheduled check also sets the next one, or hands the order to a person when the
/// schedule runs out; an order HaiPay still does not know after the grace period goes to a person (HaiPay's "no record"
/// is not proof that nothing exists, so it never makes a final state).
/// </summary>
public sealed class HaiPayChecker(
    HaiPayClient client,
    OrderUpdater updater,
    IOptionsMonitor<HaiPayOptions> options,
    IOptionsMonitor<CustomerLinkOptions> links
)
{
    public async Task<CheckResult> CheckAsync(PaymentOrder order, bool scheduled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var settings = options.CurrentValue;
        var reply = await QueryAsync(order, cancellationToken);
        var rules = links.CurrentValue;
        var absent =
            reply is HaiPayReply.Refused refused
            && settings.EffectiveOrderNotFoundErrors.Contains(refused.Error)
            && order.Status is OrderStatus.Created or OrderStatus.Unknown;

        Transition Change(PaymentOrder o, DateTimeOffset now) =>
            reply switch
            {
                HaiPayReply.Ok ok => HaiPayVerdicts
                    .ApplyQueried(o, ok.Data, rules, now)
                    .Then(x => scheduled ? Reschedule(x, null, now) : Same(x)),
                _ when absent && scheduled && now - o.CreatedAt >= settings.AbsentGrace => o.GiveUpChecking(
                    ReviewReason.ProviderHasNoRecord,
                    now
                ),
                _ => scheduled ? Reschedule(o, Describe(reply), now) : Same(o),
            };

        var result = await updater.UpdateAsync(order.Id, Change, cancellationToken);
        return new CheckResult(result.Order ?? order, absent);
    }

    /// <summary>Asks HaiPay about the order once (the query its kind has), without applying the answer.</summary>
    public Task<HaiPayReply> QueryAsync(PaymentOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var currency = order.Currency ?? HaiPayOptions.DefaultCurrency;
        return order.Kind switch
        {
            OrderKind.Refund => client.QueryRefundAsync(currency, order.Id, order.ProviderReference, cancellationToken),
            OrderKind.Subscription => client.QuerySubscriptionAsync(
                currency,
                order.Id,
                order.ProviderReference,
                cancellationToken
            ),
            OrderKind.SubscriptionCharge => client.QueryChargeAsync(
                currency,
                order.Id,
                order.ProviderReference!,
                order.ProviderOrderId,
                cancellationToken
            ),
            _ => client.QueryCollectionAsync(currency, order.Id, order.ProviderReference, cancellationToken),
        };
    }

    private Transition Reschedule(PaymentOrder order, string? error, DateTimeOffset now)
    {
        if (!order.Status.IsOpen())
        {
            return Same(order);
        }

        var next = options.CurrentValue.Checks.Next(order.Checks + 1, order.CreatedAt, now);
        return next is null
            ? order.GiveUpChecking(ReviewReason.ChecksExhausted, now)
            : order.ScheduleNextCheck(next, ProviderText.From(error), now);
    }

    private static Transition Same(PaymentOrder order) => new(TransitionKind.Unchanged, order);

    private static string? Describe(HaiPayReply reply) =>
        reply switch
        {
            HaiPayReply.Refused refused => $"query refused: {refused.Error} {refused.Message}",
            HaiPayReply.Unavailable unavailable => $"query: {unavailable.Reason}",
            _ => null,
        };
}
