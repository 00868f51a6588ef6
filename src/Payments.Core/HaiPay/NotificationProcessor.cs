using System.Text.Json;
using Microsoft.Extensions.Logging;
using Payments.Core.Audit;
using Payments.Core.Callbacks;
using Payments.Core.Orders;

namespace Payments.Core.HaiPay;

/// <summary>
/// HaiPay notifications, read as a generic map and verified over every field received. A verified one moves
/// the order by compare-and-swap (duplicates change nothing); one that does not verify is recorded, changes
/// nothing, and makes us ask HaiPay for the order's status instead. A notification naming a subscription
/// (<c>subscriptionOrderId</c>) is about the subscription itself, or, when it names a charge (<c>orderNo</c>),
/// about one recurring charge.
/// </summary>
public sealed partial class NotificationProcessor(
    HaiPayCredentials credentials,
    IOrderRepository orders,
    OrderUpdater updater,
    HaiPayChecker checker,
    HaiPayClient client,
    SubscriptionCharges charges,
    IAuditLog audit,
    TimeProvider time,
    ILogger<NotificationProcessor> logger)
{
    /// <summary>Longest payload kept in the audit table (a Table Storage string holds 32K characters).</summary>
    public const int MaxAuditChars = 16_000;

    public async Task<CallbackOutcome> ProcessAsync(JsonElement body, CancellationToken cancellationToken)
    {
        var message = NotificationMessage.Read(body);
        if (message.Errors is { } errors)
        {
            return new CallbackOutcome(CallbackOutcomeKind.Malformed, errors);
        }

        if (!await VerifiesAsync(body, cancellationToken))
        {
            await RecordUnverifiedAsync(message, body, cancellationToken);
            return CallbackOutcome.Unauthorized;
        }

        var result = message.IsSubscription
            ? await ApplySubscriptionAsync(message, body, cancellationToken)
            : await updater.UpdateAsync(
                message.OrderId,
                (order, now) => order is { Provider: PaymentProvider.HaiPay, Kind: OrderKind.Payment }
                    ? HaiPayVerdicts.Apply(order, body, now)
                    : new Transition(TransitionKind.Conflict, order),
                cancellationToken);
        var kind = AuditKinds.Of(result);
        if (kind is not null)
        {
            await RecordAsync(result.Order?.Id, kind, body, cancellationToken);
        }

        return CallbackOutcome.Acknowledged;
    }

    /// <summary>A charge (it names one) is recorded as its own payment; otherwise the subscription's own status moves.</summary>
    private async Task<UpdateResult> ApplySubscriptionAsync(NotificationMessage message, JsonElement fields, CancellationToken cancellationToken)
    {
        var subscription = await orders.FindHaiPayAsync(message.OrderId, OrderKind.Subscription, cancellationToken);
        if (subscription is null)
        {
            return UpdateResult.NotFound;
        }

        return message.ChargeNo is { } chargeNo
            ? await charges.RecordAsync(subscription, chargeNo, fields, cancellationToken)
            : await updater.UpdateAsync(subscription.Id, (o, now) => HaiPayVerdicts.Apply(o, fields, now), cancellationToken);
    }

    private async Task<bool> VerifiesAsync(JsonElement body, CancellationToken cancellationToken)
    {
        var currency = HaiPayEnvelope.Scalar(body, "currency")?.ToUpperInvariant();
        currency = currency is not null && credentials.IsConfigured(currency) ? currency : credentials.CurrencyOf(HaiPayEnvelope.Scalar(body, "appId"));
        if (currency is null)
        {
            return false;
        }

        var keys = await credentials.GetAsync(currency, cancellationToken);
        if (HaiPaySignature.VerifyObject(body, keys.MerchantSecret, keys.PlatformKey))
        {
            return true;
        }

        if (!credentials.Invalidate(currency))
        {
            return false;
        }

        keys = await credentials.GetAsync(currency, cancellationToken);
        return HaiPaySignature.VerifyObject(body, keys.MerchantSecret, keys.PlatformKey);
    }

    private async Task RecordUnverifiedAsync(NotificationMessage message, JsonElement body, CancellationToken cancellationToken)
    {
        var order = message.IsSubscription
            ? await orders.FindHaiPayAsync(message.OrderId, OrderKind.Subscription, cancellationToken)
            : (await orders.FindAsync(message.OrderId, cancellationToken))?.Value is { Provider: PaymentProvider.HaiPay } found ? found : null;
        LogUnverified(logger, message.OrderId, order is not null);
        await RecordAsync(order?.Id, AuditKinds.CallbackUnverified, body, cancellationToken);
        if (order is null)
        {
            return;
        }

        if (message.ChargeNo is { } chargeNo)
        {
            await ConfirmChargeAsync(order, chargeNo, HaiPayEnvelope.Scalar(body, "orderId"), cancellationToken);
        }
        else if (order.Status.IsOpen() || order.Status is OrderStatus.NeedsReview or OrderStatus.Active)
        {
            await checker.CheckAsync(order, scheduled: false, cancellationToken);
        }
    }

    /// <summary>
    /// An unverified charge notification is only a hint: the charge is recorded from HaiPay's signed query reply,
    /// and only when that reply ties it to this subscription.
    /// </summary>
    private async Task ConfirmChargeAsync(PaymentOrder subscription, string chargeNo, string? haiPayOrderId, CancellationToken cancellationToken)
    {
        var chargeId = SubscriptionCharges.ChargeId(subscription.Id, chargeNo);
        var reply = await client.QueryChargeAsync(subscription.Currency ?? HaiPayOptions.DefaultCurrency, chargeId, chargeNo, haiPayOrderId, cancellationToken);
        if (reply is HaiPayReply.Ok ok
            && HaiPayEnvelope.Scalar(ok.Data, "orderNo") == chargeNo
            && (HaiPayEnvelope.Scalar(ok.Data, "subscriptionOrderId") == subscription.Id
                || (subscription.ProviderReference is not null && HaiPayEnvelope.Scalar(ok.Data, "subscriptionNo") == subscription.ProviderReference)))
        {
            var result = await charges.RecordAsync(subscription, chargeNo, ok.Data, cancellationToken);
            if (AuditKinds.Of(result) is { } kind)
            {
                await RecordAsync(result.Order?.Id, kind, ok.Data, cancellationToken);
            }
        }
    }

    private Task RecordAsync(string? orderId, string kind, JsonElement body, CancellationToken cancellationToken)
    {
        var payload = body.GetRawText();
        payload = payload.Length > MaxAuditChars ? payload[..MaxAuditChars] : payload;
        return audit.RecordAsync(new AuditRecord(orderId, kind, payload, time.GetUtcNow()), cancellationToken);
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning,
        Message = "HaiPay notification for order {OrderId} failed signature verification (order known: {Known}); recorded, not applied; asking HaiPay instead")]
    private static partial void LogUnverified(ILogger logger, string orderId, bool known);
}
