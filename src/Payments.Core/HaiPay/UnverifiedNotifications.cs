using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Core.Audit;
using Payments.Core.Orders;
using Payments.Core.Text;

namespace Payments.Core.HaiPay;

/// <summary>
/// A HaiPay notification that does not verify: kept only as a bounded summary, it changes nothing and at most prompts
/// us to ask HaiPay for the order's status: at most one query per order per
/// <see cref="HaiPayOptions.UnverifiedQueryInterval"/> (a claim on the order row); one naming a charge, at most one per
/// subscription and charge number (<see cref="ChargeQueryClaims"/>), so charges never share (or forge away) each
/// other's query; all of them together, at most <see cref="HaiPayOptions.UnverifiedQueryBudget"/> per instance and
/// period (a message whose query is not due takes nothing from it).
/// </summary>
public sealed partial class UnverifiedNotifications(
    IOrderRepository orders,
    NotifiedSubscriptions subscriptions,
    OrderUpdater updater,
    HaiPayChecker checker,
    HaiPayClient client,
    SubscriptionCharges charges,
    ChargeQueryClaims chargeClaims,
    IUnverifiedQueryBudget budget,
    IAuditLog audit,
    HaiPayMessageAudit messages,
    IOptionsMonitor<HaiPayOptions> options,
    TimeProvider time,
    ILogger<UnverifiedNotifications> logger
)
{
    /// <param name="message">The notification's order and charge.</param>
    /// <param name="currency">The HaiPay account it claims to be from
    /// (<see cref="HaiPayCredentials.AccountOf"/>).</param>
    /// <param name="chargeOrderId">
    /// For a charge: the <c>orderId</c> the message gives it (only a query parameter: the signed reply decides).
    /// </param>
    /// <param name="summary">What is kept of the message.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Our id of the order the message names (null when it names none we know).</returns>
    public async Task<string?> RecordAsync(
        NotificationMessage message,
        string? currency,
        string? chargeOrderId,
        UnverifiedSummary summary,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(summary);
        var (order, conflict) = message.IsSubscription
            ? await subscriptions.FindAsync(message, currency, cancellationToken)
            : (
                (await orders.FindAsync(message.OrderId, cancellationToken))?.Value
                    is { Provider: PaymentProvider.HaiPay } found
                    ? found
                    : null,
                false
            );
        LogUnverified(logger, ProviderText.Of(message.Named), order is not null, summary.FailedCheck);
        await audit.RecordUnverifiedAsync(
            new AuditRecord(order?.Id, AuditKinds.CallbackUnverified, summary.ToJson(), time.GetUtcNow()),
            cancellationToken
        );
        var worthAsking =
            !conflict
            && (
                message.ChargeNo is not null
                || order?.Status is { } status
                    && (status.IsOpen() || status is OrderStatus.NeedsReview or OrderStatus.Active)
            );
        if (order is null || !worthAsking)
        {
            return order?.Id ?? (message.OrderId.Length > 0 ? message.OrderId : null);
        }

        // The budget is spent only on a query that is due: a message for an order or charge already queried within the
        // interval asks nothing, so it takes no token (repeats naming one order cannot starve the others), and nothing
        // is written without one. From the claim on, the query runs to the end whoever hangs up: a claim taken and not
        // used would silence the next notifications for an interval. Each HaiPay call is bounded by HaiPay:Timeout,
        // each storage call by its own timeout.
        var uninterrupted = CancellationToken.None;
        if (message.ChargeNo is { } chargeNo)
        {
            await AskAboutChargeAsync(order, chargeNo, chargeOrderId, uninterrupted);
        }
        else
        {
            await AskAboutOrderAsync(order, uninterrupted);
        }

        return order.Id;
    }

    private async Task AskAboutChargeAsync(
        PaymentOrder subscription,
        string chargeNo,
        string? chargeOrderId,
        CancellationToken cancellationToken
    )
    {
        var interval = options.CurrentValue.UnverifiedQueryInterval;
        var claim = await chargeClaims.TryClaimAsync(
            subscription.Id,
            chargeNo,
            interval,
            time.GetUtcNow(),
            budget.TryTake,
            cancellationToken
        );
        switch (claim)
        {
            case ChargeQueryClaim.Won:
                await ConfirmChargeAsync(subscription, chargeNo, chargeOrderId, cancellationToken);
                break;
            case ChargeQueryClaim.Refused:
                LogBudgetSpent(logger, subscription.Id);
                break;
            default:
                LogChargeQueryNotDue(logger, subscription.Id, chargeNo, interval);
                break;
        }
    }

    private async Task AskAboutOrderAsync(PaymentOrder order, CancellationToken cancellationToken)
    {
        var interval = options.CurrentValue.UnverifiedQueryInterval;
        if (!order.IsUnverifiedQueryDue(interval, time.GetUtcNow()))
        {
            LogQueryNotDue(logger, order.Id, interval);
            return;
        }

        if (!budget.TryTake())
        {
            LogBudgetSpent(logger, order.Id);
            return;
        }

        var claim = await updater.UpdateAsync(
            order.Id,
            (o, now) => o.ClaimUnverifiedQuery(interval, now),
            cancellationToken
        );
        if (claim is not { Kind: TransitionKind.Changed, Order: { } claimed })
        {
            LogQueryNotDue(logger, order.Id, interval);
            return;
        }

        await checker.CheckAsync(claimed, scheduled: false, cancellationToken);
    }

    /// <summary>
    /// An unverified charge notification is only a hint: the charge is recorded from HaiPay's signed query reply,
    /// and only when that reply ties it to this subscription.
    /// </summary>
    private async Task ConfirmChargeAsync(
        PaymentOrder subscription,
        string chargeNo,
        string? haiPayOrderId,
        CancellationToken cancellationToken
    )
    {
        var chargeId = SubscriptionCharges.ChargeId(subscription.Id, chargeNo);
        var reply = await client.QueryChargeAsync(
            subscription.Currency ?? HaiPayOptions.DefaultCurrency,
            chargeId,
            chargeNo,
            haiPayOrderId,
            cancellationToken
        );
        if (
            reply is HaiPayReply.Ok ok
            && HaiPayEnvelope.Scalar(ok.Data, "orderNo") == chargeNo
            && (
                HaiPayEnvelope.Scalar(ok.Data, "subscriptionOrderId") == subscription.Id
                || (
                    subscription.ProviderReference is not null
                    && HaiPayEnvelope.Scalar(ok.Data, "subscriptionNo") == subscription.ProviderReference
                )
            )
        )
        {
            var result = await charges.RecordAsync(subscription, chargeNo, ok.Data, cancellationToken);
            if (AuditKinds.Of(result) is { } kind)
            {
                await messages.RecordAsync(
                    result.Order?.Id,
                    kind,
                    ok.Data,
                    once: kind != AuditKinds.CallbackApplied,
                    cancellationToken
                );
            }
        }
    }

    [LoggerMessage(
        EventId = 6201,
        Level = LogLevel.Warning,
        Message = "HaiPay notification for order {OrderId} failed verification ({FailedCheck}; order known: {Known}); "
            + "summary recorded, not applied"
    )]
    private static partial void LogUnverified(ILogger logger, ProviderText orderId, bool known, string failedCheck);

    [LoggerMessage(
        EventId = 6202,
        Level = LogLevel.Information,
        Message = "HaiPay order {OrderId} was queried on an unverified notification less than {Interval} ago; "
            + "not asking again"
    )]
    private static partial void LogQueryNotDue(ILogger logger, string orderId, TimeSpan interval);

    [LoggerMessage(
        EventId = 6203,
        Level = LogLevel.Information,
        Message = "Charge {ChargeNo} of HaiPay subscription {OrderId} was queried on an unverified notification less "
            + "than {Interval} ago; not asking again"
    )]
    private static partial void LogChargeQueryNotDue(
        ILogger logger,
        string orderId,
        string chargeNo,
        TimeSpan interval
    );

    [LoggerMessage(
        EventId = 6204,
        Level = LogLevel.Warning,
        Message = "HaiPay order {OrderId}: the unverified-notification query budget (HaiPay:UnverifiedQueryBudget) is "
            + "spent for this period; not asking HaiPay"
    )]
    private static partial void LogBudgetSpent(ILogger logger, string orderId);
}
