using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Core.Audit;
using Payments.Core.Callbacks;
using Payments.Core.Orders;

using Payments.Core.Text;

namespace Payments.Core.HaiPay;

/// <summary>
/// HaiPay notifications, read as a generic map and verified over every field received. A verified one moves the order it
/// names, whatever its kind (collection, refund, subscription), through the one <see cref="HaiPayVerdicts.Apply(PaymentOrder, JsonElement, DateTimeOffset)"/> by
/// compare-and-swap (duplicates change nothing; a contradiction of a final state flags it for a person); one that does not verify is recorded, changes
/// nothing, and makes us ask HaiPay for the order's status instead. A notification naming a subscription (by our
/// <c>subscriptionOrderId</c>, or by HaiPay's <c>subscriptionNo</c> alone, found through <see cref="IOrderRepository.FindHaiPaySubscriptionAsync"/>)
/// is about the subscription itself, or, when it names a charge (<c>orderNo</c>), about one recurring charge. One naming
/// both, when they do not name the same subscription, is trusted for neither: a conflict, never applied, nothing asked. An unverified message is kept only as a bounded summary, and prompts at most one query per order
/// per <see cref="HaiPayOptions.UnverifiedQueryInterval"/> (a claim on the order row); one naming a charge, at most one per
/// subscription and charge number (<see cref="ChargeQueryClaims"/>), so charges never share (or forge away) each other's query;
/// all of them together, at most <see cref="HaiPayOptions.UnverifiedQueryBudget"/> per instance and period (a message whose query
/// is not due takes nothing from it).
/// </summary>
public sealed partial class NotificationProcessor(
    HaiPayCredentials credentials,
    IOrderRepository orders,
    OrderUpdater updater,
    HaiPayChecker checker,
    HaiPayClient client,
    SubscriptionCharges charges,
    ChargeQueryClaims chargeClaims,
    IUnverifiedQueryBudget budget,
    IAuditLog audit,
    IOptionsMonitor<HaiPayOptions> options,
    TimeProvider time,
    ILogger<NotificationProcessor> logger)
{
    /// <summary>Longest payload kept in the audit table (a Table Storage string holds 32K characters).</summary>
    public const int MaxAuditChars = 16_000;

    /// <param name="body">The notification as received.</param>
    /// <param name="source">The sender's address, kept with the summary of a notification that does not verify.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<CallbackOutcome> ProcessAsync(JsonElement body, string? source, CancellationToken cancellationToken)
    {
        var message = NotificationMessage.Read(body);
        if (message.Errors is { } errors)
        {
            return new CallbackOutcome(CallbackOutcomeKind.Malformed, errors);
        }

        if (await FailedCheckAsync(body, cancellationToken) is { } failed)
        {
            var named = await RecordUnverifiedAsync(message, AccountCurrency(body), HaiPayEnvelope.Scalar(body, "orderId"), UnverifiedSummary.Of(body, source, failed), cancellationToken);
            return CallbackOutcome.Unauthorized with { OrderId = named };
        }

        var result = message.IsSubscription
            ? await ApplySubscriptionAsync(message, body, cancellationToken)
            : await updater.UpdateAsync(
                message.OrderId,
                (order, now) => order.Provider == PaymentProvider.HaiPay
                    ? HaiPayVerdicts.Apply(order, body, now)
                    : new Transition(TransitionKind.Conflict, order),
                cancellationToken);
        var kind = AuditKinds.Of(result) ?? (SaysOtherThanHeld(result, body) ? AuditKinds.CallbackStale : null);
        if (kind is not null)
        {
            await RecordAsync(result.Order?.Id, kind, body, once: kind != AuditKinds.CallbackApplied, cancellationToken);
        }

        // A status HaiPay never published may mean paid: the order waits for a person, and HaiPay is told to send it again.
        return result.Order is { Status: OrderStatus.NeedsReview, ReviewReason: ReviewReasons.UnknownProviderStatus } waiting
            && HaiPayVerdicts.Read(body, waiting).ReviewReason == ReviewReasons.UnknownProviderStatus
            ? CallbackOutcome.RetryLater with { OrderId = waiting.Id, Update = result }
            : CallbackOutcome.Acknowledged with { OrderId = result.Order?.Id ?? NullIfEmpty(message.OrderId), Update = result };
    }

    /// <summary>A verified message that changed nothing yet carries another status than the order holds (not a mere repeat).</summary>
    private static bool SaysOtherThanHeld(UpdateResult result, JsonElement body) =>
        result.Order is { } order && HaiPayEnvelope.Scalar(body, "status") is { } status
        && order.ProviderStatus?.Value != ProviderText.Redact(status);

    /// <summary>A charge (it names one) is recorded as its own payment; otherwise the subscription's own status moves.</summary>
    private async Task<UpdateResult> ApplySubscriptionAsync(NotificationMessage message, JsonElement fields, CancellationToken cancellationToken)
    {
        var (subscription, conflict) = await FindSubscriptionAsync(message, AccountCurrency(fields), cancellationToken);
        if (subscription is null)
        {
            return UpdateResult.NotFound;
        }

        if (conflict)
        {
            return new UpdateResult(TransitionKind.Conflict, subscription);
        }

        return message.ChargeNo is { } chargeNo
            ? await charges.RecordAsync(subscription, chargeNo, fields, cancellationToken)
            : await updater.UpdateAsync(subscription.Id, (o, now) => HaiPayVerdicts.Apply(o, fields, now), cancellationToken);
    }

    /// <summary>
    /// The subscription the message names: by our id, or by HaiPay's number alone. When it gives both and they do not name
    /// the same subscription (the number is another's, or not the one the named subscription holds), neither is trusted:
    /// <c>Conflict</c>, with the subscription to file it under (the one named by our id, else the one HaiPay's number names).
    /// </summary>
    /// <param name="message">What the message names.</param>
    /// <param name="currency">The HaiPay account the message is from (its <c>currency</c>, else its <c>appId</c>'s); null when none is configured.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    private async Task<(PaymentOrder? Subscription, bool Conflict)> FindSubscriptionAsync(NotificationMessage message, string? currency, CancellationToken cancellationToken)
    {
        var byId = message.OrderId.Length > 0 ? await orders.FindHaiPayAsync(message.OrderId, OrderKind.Subscription, cancellationToken) : null;
        var otherAccount = byId is not null && currency is not null && !string.Equals(byId.Currency, currency, StringComparison.OrdinalIgnoreCase);
        if (message.SubscriptionNo is not { } number)
        {
            return (byId, otherAccount);
        }

        var byNumber = currency is null ? null : (await orders.FindHaiPaySubscriptionAsync(currency, number, cancellationToken))?.Value;
        if (message.OrderId.Length == 0)
        {
            return (byNumber, false);
        }

        var conflict = otherAccount || (byId is null
            ? byNumber is not null
            : (byId.ProviderReference is { } known && known != number) || (byNumber is not null && byNumber.Id != byId.Id));
        if (conflict)
        {
            LogSubscriptionConflict(logger, ProviderText.Of(message.OrderId), ProviderText.Of(number), byId?.ProviderReference, byNumber?.Id);
        }

        return (byId ?? (conflict ? byNumber : null), conflict);
    }

    /// <summary>The configured HaiPay account a message names: its <c>currency</c>, else the one its <c>appId</c> belongs to; null when neither is configured.</summary>
    private string? AccountCurrency(JsonElement body)
    {
        var currency = HaiPayEnvelope.Scalar(body, "currency")?.ToUpperInvariant();
        return currency is not null && credentials.IsConfigured(currency) ? currency : credentials.CurrencyOf(HaiPayEnvelope.Scalar(body, "appId"));
    }

    private static string? NullIfEmpty(string value) => value.Length > 0 ? value : null;

    /// <returns>Null when the notification verifies; otherwise which check failed (<c>account</c>: no configured account; <c>signature</c>).</returns>
    private async Task<string?> FailedCheckAsync(JsonElement body, CancellationToken cancellationToken)
    {
        var currency = AccountCurrency(body);
        if (currency is null)
        {
            return "account";
        }

        var keys = await credentials.GetAsync(currency, cancellationToken);
        if (HaiPaySignature.VerifyObject(body, keys.MerchantSecret, keys.PlatformKey))
        {
            return null;
        }

        if (!credentials.Invalidate(currency))
        {
            return "signature";
        }

        keys = await credentials.GetAsync(currency, cancellationToken);
        return HaiPaySignature.VerifyObject(body, keys.MerchantSecret, keys.PlatformKey) ? null : "signature";
    }

    /// <param name="message">The notification's order and charge.</param>
    /// <param name="currency">The HaiPay account it claims to be from (see <see cref="AccountCurrency"/>).</param>
    /// <param name="chargeOrderId">For a charge: the <c>orderId</c> the message gives it (only a query parameter: the signed reply decides).</param>
    /// <param name="summary">What is kept of the message.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Our id of the order the message names (null when it names none we know).</returns>
    private async Task<string?> RecordUnverifiedAsync(NotificationMessage message, string? currency, string? chargeOrderId, UnverifiedSummary summary, CancellationToken cancellationToken)
    {
        var (order, conflict) = message.IsSubscription
            ? await FindSubscriptionAsync(message, currency, cancellationToken)
            : ((await orders.FindAsync(message.OrderId, cancellationToken))?.Value is { Provider: PaymentProvider.HaiPay } found ? found : null, false);
        LogUnverified(logger, ProviderText.Of(message.Named), order is not null, summary.FailedCheck);
        await audit.RecordUnverifiedAsync(new AuditRecord(order?.Id, AuditKinds.CallbackUnverified, summary.ToJson(), time.GetUtcNow()), cancellationToken);
        var worthAsking = !conflict && (message.ChargeNo is not null
            || order?.Status is { } status && (status.IsOpen() || status is OrderStatus.NeedsReview or OrderStatus.Active));
        if (order is null || !worthAsking)
        {
            return order?.Id ?? NullIfEmpty(message.OrderId);
        }

        // The budget is spent only on a query that is due: a message for an order or charge already queried within the interval
        // asks nothing, so it takes no token (repeats naming one order cannot starve the others), and nothing is written without one.
        // From the claim on, the query runs to the end whoever hangs up: a claim taken and not used would silence the
        // next notifications for an interval. Each HaiPay call is bounded by HaiPay:Timeout, each storage call by its own timeout.
        var uninterrupted = CancellationToken.None;
        var interval = options.CurrentValue.UnverifiedQueryInterval;
        if (message.ChargeNo is { } chargeNo)
        {
            switch (await chargeClaims.TryClaimAsync(order.Id, chargeNo, interval, time.GetUtcNow(), budget.TryTake, uninterrupted))
            {
                case ChargeQueryClaim.Won:
                    await ConfirmChargeAsync(order, chargeNo, chargeOrderId, uninterrupted);
                    return order.Id;
                case ChargeQueryClaim.Refused:
                    LogBudgetSpent(logger, order.Id);
                    return order.Id;
                default:
                    LogChargeQueryNotDue(logger, order.Id, chargeNo, interval);
                    return order.Id;
            }
        }

        if (!order.IsUnverifiedQueryDue(interval, time.GetUtcNow()))
        {
            LogQueryNotDue(logger, order.Id, interval);
            return order.Id;
        }

        if (!budget.TryTake())
        {
            LogBudgetSpent(logger, order.Id);
            return order.Id;
        }

        var claim = await updater.UpdateAsync(order.Id, (o, now) => o.ClaimUnverifiedQuery(interval, now), uninterrupted);
        if (claim is not { Kind: TransitionKind.Changed, Order: { } claimed })
        {
            LogQueryNotDue(logger, order.Id, interval);
            return order.Id;
        }

        await checker.CheckAsync(claimed, scheduled: false, uninterrupted);
        return order.Id;
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
                await RecordAsync(result.Order?.Id, kind, ok.Data, once: kind != AuditKinds.CallbackApplied, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Records a verified message; <paramref name="once"/>: at most once per distinct message, for one that changed nothing
    /// (anyone who saw it may replay it).
    /// </summary>
    private Task RecordAsync(string? orderId, string kind, JsonElement body, bool once, CancellationToken cancellationToken)
    {
        var payload = CardRedaction.Text(body);
        payload = payload.Length > MaxAuditChars ? payload[..MaxAuditChars] : payload;
        var record = new AuditRecord(orderId, kind, payload, time.GetUtcNow())
        {
            OnceKey = once ? AuditRecord.OnceKeyOf(body.GetRawText()) : null,
        };
        return audit.RecordAsync(record, cancellationToken);
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning,
        Message = "HaiPay notification for order {OrderId} failed verification ({FailedCheck}; order known: {Known}); summary recorded, not applied")]
    private static partial void LogUnverified(ILogger logger, ProviderText orderId, bool known, string failedCheck);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Information,
        Message = "HaiPay order {OrderId} was queried on an unverified notification less than {Interval} ago; not asking again")]
    private static partial void LogQueryNotDue(ILogger logger, string orderId, TimeSpan interval);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Information,
        Message = "Charge {ChargeNo} of HaiPay subscription {OrderId} was queried on an unverified notification less than {Interval} ago; not asking again")]
    private static partial void LogChargeQueryNotDue(ILogger logger, string orderId, string chargeNo, TimeSpan interval);

    [LoggerMessage(EventId = 6204, Level = LogLevel.Warning,
        Message = "HaiPay order {OrderId}: the unverified-notification query budget (HaiPay:UnverifiedQueryBudget) is spent for this period; not asking HaiPay")]
    private static partial void LogBudgetSpent(ILogger logger, string orderId);

    [LoggerMessage(EventId = 6205, Level = LogLevel.Warning,
        Message = "HaiPay notification names subscription {OrderId} and subscriptionNo {SubscriptionNo}, which do not agree (HaiPay's number for the first: {Known}; subscription with that number: {Numbered}); not applied")]
    private static partial void LogSubscriptionConflict(
        ILogger logger, ProviderText orderId, ProviderText subscriptionNo, string? known, string? numbered);
}
