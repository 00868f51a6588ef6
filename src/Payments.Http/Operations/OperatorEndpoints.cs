using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Core;
using Payments.Core.Audit;
using Payments.Core.HaiPay;
using Payments.Core.Operations;
using Payments.Core.Orders;
using Payments.Core.Validation;
using Payments.Core.Webhooks;
using Payments.Http.Endpoints;
using Payments.Http.Problems;

namespace Payments.Http.Operations;

/// <summary>
/// The operator API (<c>api/ops/...</c>, operator key): what needs a person, deciding an order in NeedsReview, abandoned
/// webhooks and the disabled endpoint, and provider checks on demand. Every action is audited (who, when, note) before it is
/// made: a failed audit write answers 503 with nothing changed.
/// </summary>
public sealed partial class OperatorEndpoints(
    IAttentionList attention,
    IOrderRepository orders,
    OrderUpdater updater,
    HaiPayChecker checker,
    HaiPayPoller poller,
    IWebhookOutbox outbox,
    AbandonedWebhooks abandonedWebhooks,
    IAuditLog audit,
    IOptionsMonitor<WebhookOptions> webhookOptions,
    TimeProvider time,
    ILogger<OperatorEndpoints> logger)
{
    private const string InvalidTitle = "The request has invalid fields.";

    /// <summary>What an operator action's record says when it is written, before the change it asks for.</summary>
    private const string Attempted = "attempted";

    public async Task<IResult> ListAttentionAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        if (OperatorRequests.Attention(request.Query, errors) is not { } query)
        {
            return Results.ValidationProblem(errors.ToDictionary(), title: InvalidTitle);
        }

        var page = await attention.ListAsync(query, cancellationToken);
        return Results.Ok(new AttentionPageView([.. page.Items.Select(AttentionItemView.From)], page.Continuation));
    }

    public Task<IResult> ResolveAsync(string orderId, HttpRequest request, CancellationToken cancellationToken) =>
        JsonBody.ValidatedAsync(
            request,
            "resolution",
            (body, errors) => OperatorRequests.WithRouteValues(errors, OperatorRequests.Resolution(body, errors), ("orderId", orderId)),
            resolution => ResolveAsync(orderId, resolution, cancellationToken),
            cancellationToken);

    public async Task<IResult> ListWebhooksAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        if (OperatorRequests.Webhooks(request.Query, errors) is not { } query)
        {
            return Results.ValidationProblem(errors.ToDictionary(), title: InvalidTitle);
        }

        var page = await abandonedWebhooks.ListAsync(query.Limit, query.After, cancellationToken);
        return Results.Ok(new WebhookPageView([.. page.Items.Select(AbandonedWebhookView.From)], page.Continuation));
    }

    public Task<IResult> ReplayWebhookAsync(string orderId, string eventId, HttpRequest request, CancellationToken cancellationToken) =>
        OptionalBodyAsync(
            request,
            [("orderId", orderId), ("eventId", eventId)],
            OperatorRequests.Note,
            OperatorNote.None,
            note => ReplayWebhookAsync(orderId, eventId, note, cancellationToken),
            cancellationToken);

    public async Task<IResult> GetWebhookEndpointAsync(CancellationToken cancellationToken)
    {
        var endpoint = webhookOptions.CurrentValue.Endpoint;
        if (endpoint is null)
        {
            return Results.Ok(new WebhookEndpointView(null, false, null));
        }

        var disabledAt = await outbox.DisabledAtAsync(endpoint, cancellationToken);
        return Results.Ok(new WebhookEndpointView(endpoint.AbsoluteUri, disabledAt is not null, disabledAt));
    }

    public Task<IResult> EnableWebhookEndpointAsync(HttpRequest request, CancellationToken cancellationToken) =>
        OptionalBodyAsync(request, [], OperatorRequests.Note, OperatorNote.None, note => EnableWebhookEndpointAsync(note, cancellationToken), cancellationToken);

    public Task<IResult> SyncAsync(HttpRequest request, CancellationToken cancellationToken) =>
        OptionalBodyAsync(request, [], OperatorRequests.Sync, new SyncTarget(null), target => SyncAsync(target, cancellationToken), cancellationToken);

    private async Task<IResult> ResolveAsync(string orderId, Resolution resolution, CancellationToken cancellationToken)
    {
        var found = await orders.FindAsync(orderId, cancellationToken);
        if (found is null)
        {
            return OrderProblems.NotFound(orderId);
        }

        var order = found.Value;
        if (order.Status != OrderStatus.NeedsReview)
        {
            return OrderProblems.Conflict("The order is not waiting for a person", $"Order '{orderId}' is {order.Status}; only a NeedsReview order can be resolved.");
        }

        if (order.Kind == OrderKind.Subscription && resolution.Decision == OrderStatus.Succeeded)
        {
            return OrderProblems.Conflict("A subscription does not succeed", "A subscription becomes Active when the customer confirms it; an operator can only decide Failed.");
        }

        ProviderVerdict? answer = null;
        if (resolution.Evidence == Resolution.ProviderAnswer)
        {
            if (order.Provider != PaymentProvider.HaiPay)
            {
                return OrderProblems.Conflict("No status query for this provider", "HUAWEIPIN publishes no status query; decide with evidence manual-override.");
            }

            var reply = await checker.QueryAsync(order, cancellationToken);
            if (reply is not HaiPayReply.Ok ok)
            {
                return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "HaiPay gave no signed answer", detail: Describe(reply));
            }

            answer = HaiPayVerdicts.Read(ok.Data, order);
            if (answer.Outcome != resolution.Decision)
            {
                return OrderProblems.Conflict(
                    "The provider's answer disagrees with the decision",
                    $"HaiPay's signed answer is status '{answer.RawStatus}' ({answer.Outcome}{(answer.ReviewReason is { } reason ? ", " + reason : string.Empty)}); the decision {resolution.Decision} disagrees with it.");
            }

            if (answer.ReviewReason is { } flagged)
            {
                return OrderProblems.Conflict(
                    "The provider's answer needs a person",
                    $"HaiPay's signed answer is status '{answer.RawStatus}' ({answer.Outcome}, {flagged}{Amounts(answer)}): it agrees on the outcome but flags {flagged}, "
                    + "which evidence provider-answer does not waive. Check with HaiPay and decide with evidence manual-override.");
            }
        }

        // The record comes first: no decision is ever applied without it. It says "attempted"; the operator-outcome row after
        // the compare-and-swap says whether it took effect (see AuditKinds.OperatorOutcome). A failed write answers 503, nothing changed.
        var decidedAt = time.GetUtcNow();
        await audit.RecordAsync(new AuditRecord(orderId, AuditKinds.OperatorResolution, Payload(new Dictionary<string, object?>
        {
            ["operator"] = resolution.Operator,
            ["note"] = resolution.Note,
            ["evidence"] = resolution.Evidence,
            ["decision"] = resolution.Decision.ToString(),
            ["reviewReason"] = order.ReviewReason,
            ["providerStatus"] = answer?.RawStatus,
            ["providerAmount"] = answer?.Amount,
            ["providerReceivedAmount"] = answer?.ReceivedAmount,
            ["seenUpdatedAt"] = order.UpdatedAt,
            ["outcome"] = Attempted,
        }), decidedAt), cancellationToken);

        // Only the very order checked above (same version) is decided: a change meanwhile (a signed message, a poll) is a conflict,
        // never a decision re-applied to the newer state.
        var result = await updater.UpdateIfUnchangedAsync(
            found,
            (o, _) => answer is null ? o.Resolve(resolution.Decision, null, decidedAt) : o.ResolveAsProviderAnswered(resolution.Decision, answer, decidedAt),
            cancellationToken);
        if (result is not { Kind: TransitionKind.Changed, Order: { } resolved })
        {
            var now = result.Order is { } current ? $"is {current.Status}{(current.ReviewReason is { } why ? " (" + why + ")" : string.Empty)}" : "is gone";
            await RecordOutcomeAsync(orderId, AuditKinds.OperatorResolution, decidedAt, "changed since it was checked", cancellationToken);
            return OrderProblems.Conflict("The order changed meanwhile", $"Order '{orderId}' changed after it was checked and now {now}; nothing was decided. Read it again.");
        }

        await RecordOutcomeAsync(orderId, AuditKinds.OperatorResolution, decidedAt, null, cancellationToken);
        LogResolved(logger, orderId, resolution.Decision, resolution.Evidence, resolution.Operator);
        return Results.Ok(OrderView.From(resolved));
    }

    private async Task<IResult> ReplayWebhookAsync(string orderId, string eventId, OperatorNote note, CancellationToken cancellationToken)
    {
        var delivery = await outbox.FindVersionedAsync(orderId, eventId, cancellationToken);
        var order = delivery is null ? null : await orders.FindAsync(orderId, cancellationToken);
        if (delivery is null || order is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Delivery not found", detail: $"Order '{orderId}' has no delivery of event '{eventId}'.");
        }

        if (delivery.Value.State != WebhookDeliveryState.Abandoned)
        {
            return OrderProblems.Conflict("The delivery is not abandoned", $"Event '{eventId}' of order '{orderId}' is {delivery.Value.State}; only an abandoned delivery is replayed.");
        }

        if (order.Value.LastEvent?.Id != eventId)
        {
            return OrderProblems.Conflict("The order has moved on", $"Order '{orderId}' has a later event than '{eventId}'; the merchant is told about that one.");
        }

        var now = time.GetUtcNow();
        await audit.RecordAsync(new AuditRecord(orderId, AuditKinds.OperatorWebhookReplay, Payload(new Dictionary<string, object?>
        {
            ["operator"] = note.Operator,
            ["note"] = note.Note,
            ["eventId"] = eventId,
            ["attempts"] = delivery.Value.Attempts,
            ["lastError"] = delivery.Value.LastError,
            ["outcome"] = Attempted,
        }), now), cancellationToken);
        if (await outbox.TryReplayAsync(orderId, delivery, now, cancellationToken) is null)
        {
            await RecordOutcomeAsync(orderId, AuditKinds.OperatorWebhookReplay, now, "the delivery changed meanwhile", cancellationToken);
            return OrderProblems.Conflict("The delivery changed meanwhile", $"Event '{eventId}' of order '{orderId}' changed while it was being replayed; read it again.");
        }

        await RecordOutcomeAsync(orderId, AuditKinds.OperatorWebhookReplay, now, null, cancellationToken);
        LogReplayed(logger, eventId, orderId, note.Operator);
        return Results.Accepted(value: new ReplayView(orderId, eventId, nameof(WebhookDeliveryState.Pending), 0, now));
    }

    private async Task<IResult> EnableWebhookEndpointAsync(OperatorNote note, CancellationToken cancellationToken)
    {
        if (webhookOptions.CurrentValue.Endpoint is not { } endpoint)
        {
            return OrderProblems.Conflict("No webhook endpoint", "Webhooks:Url is not set; there is nothing to enable.");
        }

        var disabledAt = await outbox.DisabledAtAsync(endpoint, cancellationToken);
        if (disabledAt is not null)
        {
            var now = time.GetUtcNow();
            await audit.RecordAsync(new AuditRecord(null, AuditKinds.OperatorEndpointEnable, Payload(new Dictionary<string, object?>
            {
                ["operator"] = note.Operator,
                ["note"] = note.Note,
                ["disabledAt"] = disabledAt,
                ["outcome"] = Attempted,
            }), now), cancellationToken);
            var enabled = await outbox.EnableAsync(endpoint, cancellationToken);
            await RecordOutcomeAsync(null, AuditKinds.OperatorEndpointEnable, now, enabled ? null : "already enabled meanwhile", cancellationToken);
            if (enabled)
            {
                LogEnabled(logger, note.Operator);
            }
        }

        return Results.Ok(new WebhookEndpointView(endpoint.AbsoluteUri, false, null));
    }

    private async Task<IResult> SyncAsync(SyncTarget target, CancellationToken cancellationToken)
    {
        if (target.OrderId is null)
        {
            var count = await poller.RunOnceAsync(cancellationToken);
            return Results.Accepted(value: new PollView(count));
        }

        var order = await orders.FindAsync(target.OrderId, cancellationToken);
        if (order is null)
        {
            return OrderProblems.NotFound(target.OrderId);
        }

        if (order.Value.Provider != PaymentProvider.HaiPay)
        {
            return OrderProblems.Conflict("No status query for this provider", "HUAWEIPIN publishes no status query; its callback is the only source of truth.");
        }

        var checkedOrder = await checker.CheckAsync(order.Value, scheduled: false, cancellationToken);
        return Results.Ok(OrderView.From(checkedOrder.Order));
    }

    /// <summary>
    /// Appends the <c>operator-outcome</c> row of an action recorded at <paramref name="at"/>: applied (<paramref name="notApplied"/>
    /// null) or not, and why. The action's own record was written before the change, so a failure here loses no decision's record:
    /// it is logged, and the answer stays what the change came to.
    /// </summary>
    private async Task RecordOutcomeAsync(string? orderId, string of, DateTimeOffset at, string? notApplied, CancellationToken cancellationToken)
    {
        try
        {
            await audit.RecordAsync(new AuditRecord(orderId, AuditKinds.OperatorOutcome, Payload(new Dictionary<string, object?>
            {
                ["of"] = of,
                ["at"] = at,
                ["outcome"] = notApplied is null ? "applied" : "not-applied",
                ["reason"] = notApplied,
            }), time.GetUtcNow()), cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            LogOutcomeNotRecorded(logger, e, of, orderId);
        }
    }

    /// <summary>
    /// A body that may be left out: <paramref name="absent"/> then (after the route values are checked); otherwise JSON validated
    /// like any other. Absent means no body at all (Content-Length 0, or nothing to read): a body sent chunked, or without a
    /// Content-Type, is read (and answered 415 without a JSON type), never taken for none.
    /// </summary>
    private static async Task<IResult> OptionalBodyAsync<T>(
        HttpRequest request,
        (string Field, string Value)[] routeValues,
        Func<JsonElement, FieldErrors, T?> validate,
        T absent,
        Func<T, Task<IResult>> handle,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await HasBodyAsync(request, cancellationToken))
        {
            return await JsonBody.ValidatedAsync(
                request, "operator", (body, errors) => OperatorRequests.WithRouteValues(errors, validate(body, errors), routeValues), handle, cancellationToken);
        }

        var errors = new FieldErrors();
        OperatorRequests.WithRouteValues(errors, absent, routeValues);
        return errors.IsEmpty ? await handle(absent) : Results.ValidationProblem(errors.ToDictionary(), title: InvalidTitle);
    }

    /// <summary>Whether the request carries a body: a declared length says so; otherwise (chunked, or length unknown) the first byte does.</summary>
    private static async Task<bool> HasBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length)
        {
            return length > 0;
        }

        if (request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return false;
        }

        request.EnableBuffering();
        var probe = new byte[1];
        var read = await request.Body.ReadAsync(probe, cancellationToken);
        request.Body.Position = 0;
        return read > 0;
    }

    private static string Payload(Dictionary<string, object?> fields) => JsonSerializer.Serialize(fields);

    private static string Amounts(ProviderVerdict answer) =>
        (answer.Amount, answer.ReceivedAmount) switch
        {
            (null, null) => string.Empty,
            (_, { } received) => $", received {received.ToString(CultureInfo.InvariantCulture)}",
            ({ } amount, null) => $", amount {amount.ToString(CultureInfo.InvariantCulture)}",
        };

    private static string Describe(HaiPayReply reply) => reply switch
    {
        HaiPayReply.Refused refused => $"HaiPay refused the query: {refused.Error} {refused.Message}",
        HaiPayReply.Unavailable unavailable => $"HaiPay did not answer usably: {unavailable.Reason}",
        _ => "HaiPay's answer carried no signed status.",
    };

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Operator {Operator} resolved order {OrderId} as {Decision} ({Evidence})")]
    private static partial void LogResolved(ILogger logger, string orderId, OrderStatus decision, string evidence, string @operator);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Operator {Operator} replayed webhook {EventId} of order {OrderId}")]
    private static partial void LogReplayed(ILogger logger, string eventId, string orderId, string? @operator);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Operator {Operator} re-enabled the webhook endpoint")]
    private static partial void LogEnabled(ILogger logger, string? @operator);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Error, Message = "The outcome of operator action {Action} on order {OrderId} was not recorded; the action's own record (outcome attempted) stands for it")]
    private static partial void LogOutcomeNotRecorded(ILogger logger, Exception exception, string action, string? orderId);
}
