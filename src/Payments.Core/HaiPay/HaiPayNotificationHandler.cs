using Payments.Core.Audit;
using Payments.Core.Callbacks;
using Payments.Core.Orders;
using Payments.Core.Telemetry;
using Payments.Core.Text;

namespace Payments.Core.HaiPay;

/// <summary>
/// HaiPay notifications, read as a generic map and verified over every field received. A verified one moves the order
/// it names, whatever its kind (collection, refund, subscription), through the one
/// <see cref="HaiPayVerdicts.Apply(PaymentOrder, System.Text.Json.JsonElement, DateTimeOffset)"/> by compare-and-swap
/// (duplicates change nothing; a contradiction of a final state flags it for a person), and is recorded. One naming a
/// subscription (<see cref="NotifiedSubscriptions"/>) is about the subscription itself, or, when it names a charge
/// (<c>orderNo</c>), about one recurring charge (<see cref="SubscriptionCharges"/>). One that does not verify is handed
/// to
/// <see cref="UnverifiedNotifications"/>: a bounded summary, nothing changed, at most a query to HaiPay.
/// </summary>
public sealed class HaiPayNotificationHandler(
    HaiPayCredentials credentials,
    NotifiedSubscriptions subscriptions,
    OrderUpdater updater,
    SubscriptionCharges charges,
    UnverifiedNotifications unverified,
    HaiPayMessageAudit messages
) : IInboundMessageHandler
{
    public string Provider => ProviderNames.HaiPay;

    public string Kind => "notification";

    public string Acknowledgement => "SUCCESS";

    public async Task<CallbackOutcome> HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = message.Body;
        var notification = NotificationMessage.Read(body);
        if (notification.Errors is { } errors)
        {
            return new CallbackOutcome(CallbackOutcomeKind.Malformed, errors);
        }

        var account = credentials.AccountOf(body);
        if (await credentials.FailedCheckAsync(account, body, cancellationToken) is { } failed)
        {
            var summary = UnverifiedSummary.Of(body, message.Source, failed);
            var named = await unverified.RecordAsync(
                notification,
                account,
                HaiPayEnvelope.Scalar(body, "orderId"),
                summary,
                cancellationToken
            );
            return CallbackOutcome.Unauthorized with { OrderId = named };
        }

        var result = notification.IsSubscription
            ? await ApplySubscriptionAsync(notification, account, body, cancellationToken)
            : await updater.UpdateAsync(
                notification.OrderId,
                (order, now) =>
                    order.Provider == PaymentProvider.HaiPay
                        ? HaiPayVerdicts.Apply(order, body, now)
                        : new Transition(TransitionKind.Conflict, order),
                cancellationToken
            );
        var kind = AuditKinds.Of(result) ?? (SaysOtherThanHeld(result, body) ? AuditKinds.CallbackStale : null);
        if (kind is not null)
        {
            await messages.RecordAsync(
                result.Order?.Id,
                kind,
                body,
                once: kind != AuditKinds.CallbackApplied,
                cancellationToken
            );
        }

        // A status HaiPay never published may mean paid: the order waits for a person, and HaiPay is told to send it
        // again.
        return
            result.Order
                is { Status: OrderStatus.NeedsReview, ReviewReason: ReviewReason.UnknownProviderStatus } waiting
            && HaiPayVerdicts.Read(body, waiting).ReviewReason == ReviewReason.UnknownProviderStatus
            ? CallbackOutcome.RetryLater with
            {
                OrderId = waiting.Id,
                Update = result,
            }
            : CallbackOutcome.Acknowledged with
            {
                OrderId = result.Order?.Id ?? (notification.OrderId.Length > 0 ? notification.OrderId : null),
                Update = result,
            };
    }

    /// <summary>
    /// A verified message that changed nothing yet carries another status than the order holds (not a mere repeat).
    /// </summary>
    private static bool SaysOtherThanHeld(UpdateResult result, System.Text.Json.JsonElement body) =>
        result.Order is { } order
        && HaiPayEnvelope.Scalar(body, "status") is { } status
        && order.ProviderStatus?.Value != ProviderText.Redact(status);

    /// <summary>
    /// A charge (it names one) is recorded as its own payment; otherwise the subscription's own status moves.
    /// </summary>
    private async Task<UpdateResult> ApplySubscriptionAsync(
        NotificationMessage notification,
        string? account,
        System.Text.Json.JsonElement body,
        CancellationToken cancellationToken
    )
    {
        var (subscription, conflict) = await subscriptions.FindAsync(notification, account, cancellationToken);
        if (subscription is null)
        {
            return UpdateResult.NotFound;
        }

        if (conflict)
        {
            return new UpdateResult(TransitionKind.Conflict, subscription);
        }

        return notification.ChargeNo is { } chargeNo
            ? await charges.RecordAsync(subscription, chargeNo, body, cancellationToken)
            : await updater.UpdateAsync(
                subscription.Id,
                (o, now) => HaiPayVerdicts.Apply(o, body, now),
                cancellationToken
            );
    }
}
