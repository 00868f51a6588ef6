using System.Globalization;
using Microsoft.AspNetCore.Http;
using Payments.Core.HaiPay;
using Payments.Core.Operations.Resolutions;
using Payments.Core.Operations.Sync;
using Payments.Core.Operations.WebhookEndpoints;
using Payments.Core.Operations.WebhookReplays;
using Payments.Core.Orders;
using Payments.Core.Webhooks;
using Payments.Http.Endpoints;
using Payments.Http.Problems;

namespace Payments.Http.Operations;

/// <summary>
/// The HTTP answer of each operator use case's result: status code, problem title and detail, or the view.
/// </summary>
internal static class OperatorAnswers
{
    public static IResult Resolution(ResolveOrderCommand command, ResolveOrderResult result) =>
        result switch
        {
            ResolveOrderResult.Resolved resolved => Results.Ok(OrderView.From(resolved.Order)),
            ResolveOrderResult.OrderNotFound => OrderProblems.NotFound(command.OrderId),
            ResolveOrderResult.NotWaiting waiting => OrderProblems.Conflict(
                "The order is not waiting for a person",
                $"Order '{command.OrderId}' is {waiting.Status}; only a NeedsReview order can be resolved."
            ),
            ResolveOrderResult.SubscriptionCannotSucceed => OrderProblems.Conflict(
                "A subscription does not succeed",
                "A subscription becomes Active when the customer confirms it; an operator can only decide Failed."
            ),
            ResolveOrderResult.NoStatusQuery => OrderProblems.Conflict(
                "No status query for this provider",
                "HUAWEIPIN publishes no status query; decide with evidence manual-override."
            ),
            ResolveOrderResult.ProviderUnanswered unanswered => ApiProblem.Of(
                ProblemCodes.ProviderUnavailable,
                "HaiPay gave no signed answer",
                Describe(unanswered.Reply)
            ),
            ResolveOrderResult.ProviderDisagrees { Answer: var answer } => ApiProblem.Of(
                ProblemCodes.ProviderDisagrees,
                "The provider's answer disagrees with the decision",
                $"HaiPay's signed answer is status '{answer.RawStatus}' ({answer.Outcome}"
                    + $"{(answer.ReviewReason is { } reason ? ", " + reason.Name() : string.Empty)}); "
                    + $"the decision {command.Decision} disagrees with it."
            ),
            ResolveOrderResult.ProviderFlags { Answer: var answer, Reason: var flagged } => ApiProblem.Of(
                ProblemCodes.ProviderDisagrees,
                "The provider's answer needs a person",
                $"HaiPay's signed answer is status '{answer.RawStatus}' ({answer.Outcome}, "
                    + $"{flagged}{Amounts(answer)}): "
                    + $"it agrees on the outcome but flags {flagged}, which evidence provider-answer does not waive. "
                    + "Check with HaiPay and decide with evidence manual-override."
            ),
            ResolveOrderResult.ChangedMeanwhile changed => OrderProblems.Conflict(
                "The order changed meanwhile",
                $"Order '{command.OrderId}' changed after it was checked and now {Now(changed.Current)}; "
                    + "nothing was decided. Read it again."
            ),
            _ => throw Unexpected(result),
        };

    public static IResult Replay(ReplayWebhookCommand command, ReplayWebhookResult result)
    {
        var (orderId, eventId, _, _) = command;
        return result switch
        {
            ReplayWebhookResult.Replayed replayed => Results.Accepted(
                value: new ReplayView(orderId, eventId, nameof(WebhookDeliveryState.Pending), 0, replayed.DueAt)
            ),
            ReplayWebhookResult.DeliveryNotFound => ApiProblem.Of(
                ProblemCodes.NotFound,
                "Delivery not found",
                $"Order '{orderId}' has no delivery of event '{eventId}'."
            ),
            ReplayWebhookResult.NotAbandoned notAbandoned => OrderProblems.Conflict(
                "The delivery is not abandoned",
                $"Event '{eventId}' of order '{orderId}' is {notAbandoned.State}; "
                    + "only an abandoned delivery is replayed."
            ),
            ReplayWebhookResult.OrderMovedOn => OrderProblems.Conflict(
                "The order has moved on",
                $"Order '{orderId}' has a later event than '{eventId}'; the merchant is told about that one."
            ),
            ReplayWebhookResult.ChangedMeanwhile => OrderProblems.Conflict(
                "The delivery changed meanwhile",
                $"Event '{eventId}' of order '{orderId}' changed while it was being replayed; read it again."
            ),
            _ => throw Unexpected(result),
        };
    }

    public static IResult EnableWebhookEndpoint(EnableWebhookEndpointResult result) =>
        result switch
        {
            EnableWebhookEndpointResult.Enabled enabled => Results.Ok(
                new WebhookEndpointView(enabled.Endpoint.AbsoluteUri, false, null)
            ),
            EnableWebhookEndpointResult.NoEndpoint => OrderProblems.Conflict(
                "No webhook endpoint",
                "Webhooks:Url is not set; there is nothing to enable."
            ),
            _ => throw Unexpected(result),
        };

    public static IResult Sync(OperatorSyncCommand command, OperatorSyncResult result) =>
        result switch
        {
            OperatorSyncResult.Polled polled => Results.Accepted(value: new PollView(polled.Count)),
            OperatorSyncResult.Checked done => Results.Ok(OrderView.From(done.Order)),
            OperatorSyncResult.OrderNotFound => OrderProblems.NotFound(command.OrderId!),
            OperatorSyncResult.NoStatusQuery => OrderProblems.Conflict(
                "No status query for this provider",
                "HUAWEIPIN publishes no status query; its callback is the only source of truth."
            ),
            _ => throw Unexpected(result),
        };

    /// <summary>What an order that changed meanwhile now is, for a 409's detail.</summary>
    private static string Now(PaymentOrder? current) =>
        current is null
            ? "is gone"
            : $"is {current.Status}{(current.ReviewReason is { } why ? " (" + why.Name() + ")" : string.Empty)}";

    private static string Amounts(ProviderVerdict answer) =>
        (answer.Amount, answer.ReceivedAmount) switch
        {
            (null, null) => string.Empty,
            (_, { } received) => $", received {received.ToString(CultureInfo.InvariantCulture)}",
            ({ } amount, null) => $", amount {amount.ToString(CultureInfo.InvariantCulture)}",
        };

    private static string Describe(HaiPayReply reply) =>
        reply switch
        {
            HaiPayReply.Refused refused => $"HaiPay refused the query: {refused.Error} {refused.Message}",
            HaiPayReply.Unavailable unavailable => $"HaiPay did not answer usably: {unavailable.Reason}",
            _ => "HaiPay's answer carried no signed status.",
        };

    private static ArgumentOutOfRangeException Unexpected(object result) =>
        new(nameof(result), result.GetType().Name, "A result this answer does not map.");
}
