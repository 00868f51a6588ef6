using System.Text.Json;
using Microsoft.Extensions.Options;
using Payments.Core.Orders;

namespace Payments.Core.HaiPay;

/// <summary>
/// Each charge a subscription makes is recorded once, as its own payment (<see cref="OrderKind.SubscriptionCharge"/>)
/// tied to the subscription, whose id is derived from HaiPay's number for the charge: a repeated notification finds
/// the same order and changes nothing. A charge still open is polled with <c>collect/query</c> like a collection,
/// naming it by HaiPay's <c>orderNo</c> and the <c>orderId</c> HaiPay reported for it (kept as
/// <see cref="PaymentOrder.ProviderOrderId"/>).
/// </summary>
public sealed class SubscriptionCharges(
    IOrderRepository orders,
    OrderUpdater updater,
    IOptionsMonitor<HaiPayOptions> options,
    TimeProvider time
)
{
    /// <summary>'~' joins the two: our ids never contain '/', and HaiPay's numbers are digits.</summary>
    public static string ChargeId(string subscriptionId, string orderNo) => $"{subscriptionId}~{orderNo}";

    /// <summary>
    /// Records the charge <paramref name="orderNo"/> with what <paramref name="fields"/> says about it already applied
    /// (one insert; a settled charge is never due for a check), or applies it to the charge recorded before.
    /// </summary>
    public async Task<UpdateResult> RecordAsync(
        PaymentOrder subscription,
        string orderNo,
        JsonElement fields,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var now = time.GetUtcNow();
        var id = ChargeId(subscription.Id, orderNo);
        var candidate = PaymentOrder.Create(
            new NewOrder(
                id,
                PaymentProvider.HaiPay,
                RequestFingerprint.Of("haipay-charge", subscription.Id, orderNo),
                options.CurrentValue.Checks.Next(0, now, now),
                subscription.Amount,
                subscription.Currency,
                subscription.CustomerReference,
                subscription.CustomerIp,
                subscription.CardLast4,
                OrderKind.SubscriptionCharge,
                subscription.Id
            ),
            now
        ) with
        {
            ProviderReference = orderNo,
            ProviderOrderId = HaiPayEnvelope.Scalar(fields, "orderId"),
            ReviewReason = subscription.Status.IsFinal() ? ReviewReason.ChargeAfterEnd : null,
        };
        var added = await orders.AddAsync(HaiPayVerdicts.Apply(candidate, fields, now).Order, cancellationToken);
        if (added.Added)
        {
            return new UpdateResult(TransitionKind.Changed, added.Order.Value);
        }

        if (
            added.Order.Value is not { Kind: OrderKind.SubscriptionCharge } charge
            || charge.ParentOrderId != subscription.Id
        )
        {
            return new UpdateResult(TransitionKind.Conflict, added.Order.Value);
        }

        return await updater.UpdateAsync(
            added.Order,
            (o, at) => HaiPayVerdicts.Apply(o, fields, at),
            cancellationToken
        );
    }
}
