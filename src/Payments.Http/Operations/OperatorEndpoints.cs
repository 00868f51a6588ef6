using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Core.Audit;
using Payments.Core.HaiPay;
using Payments.Core.Operations;
using Payments.Core.Orders;
using Payments.Core.Validation;
using Payments.Core.Webhooks;
using Payments.Http.Endpoints;

namespace Payments.Http.Operations;

/// <summary>
/// The operator API (<c>api/ops/...</c>, operator key): what needs a person, deciding an order in NeedsReview, abandoned
/// webhooks and the disabled endpoint, and provider checks on demand. Every action is audited (who, when, note).
/// </summary>
public sealed partial class OperatorEndpoints(
    IAttentionList attention,
    IOrderRepository orders,
    OrderUpdater updater,
    HaiPayChecker checker,
    HaiPayPoller poller,
    IWebhookOutbox outbox,
    IAuditLog audit,
    IOptionsMonitor<WebhookOptions> webhookOptions,
    TimeProvider time,
    ILogger<OperatorEndpoints> logger)
{
    private const string InvalidTitle = "The request has invalid fields.";

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
        JsonBody.ValidatedAsync(request, "resolution", OperatorRequests.Resolution, resolution => ResolveAsync(orderId, resolution, cancellationToken), cancellationToken);

    public async Task<IResult> ListWebhooksAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        if (OperatorRequests.Webhooks(request.Query, errors) is not { } query)
        {
            return Results.ValidationProblem(errors.ToDictionary(), title: InvalidTitle);
        }

        var page = await outbox.ListAbandonedAsync(query.Limit, query.After, cancellationToken);
        return Results.Ok(new WebhookPageView([.. page.Items.Select(AbandonedWebhookView.From)], page.Continuation));
    }

    public Task<IResult> ReplayWebhookAsync(string orderId, string eventId, HttpRequest request, CancellationToken cancellationToken) =>
        OptionalBodyAsync(request, OperatorRequests.Note, OperatorNote.None, note => ReplayWebhookAsync(orderId, eventId, note, cancellationToken), cancellationToken);

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
        OptionalBodyAsync(request, OperatorRequests.Note, OperatorNote.None, note => EnableWebhookEndpointAsync(note, cancellationToken), cancellationToken);

    public Task<IResult> SyncAsync(HttpRequest request, CancellationToken cancellationToken) =>
        OptionalBodyAsync(request, OperatorRequests.Sync, new SyncTarget(null), target => SyncAsync(target, cancellationToken), cancellationToken);

    private async Task<IResult> ResolveAsync(string orderId, Resolution resolution, CancellationToken cancellationToken)
    {
        var found = await orders.FindAsync(orderId, cancellationToken);
        if (found is null)
        {
            return NotFound(orderId);
        }

        var order = found.Value;
        if (order.Status != OrderStatus.NeedsReview)
        {
            return Conflict("The order is not waiting for a person", $"Order '{orderId}' is {order.Status}; only a NeedsReview order can be resolved.");
        }

        if (order.Kind == OrderKind.Subscription && resolution.Decision == OrderStatus.Succeeded)
        {
            return Conflict("A subscription does not succeed", "A subscription becomes Active when the customer confirms it; an operator can only decide Failed.");
        }

        string? providerStatus = null;
        if (resolution.Evidence == Resolution.ProviderAnswer)
        {
            if (order.Provider != PaymentProvider.HaiPay)
            {
                return Conflict("No status query for this provider", "HUAWEIPIN publishes no status query; decide with evidence manual-override.");
            }

            var reply = await checker.QueryAsync(order, cancellationToken);
            if (reply is not HaiPayReply.Ok ok)
            {
                return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "HaiPay gave no signed answer", detail: Describe(reply));
            }

            var verdict = HaiPayVerdicts.Read(ok.Data, order);
            if (verdict.Outcome != resolution.Decision)
            {
                return Conflict(
                    "The provider's answer disagrees with the decision",
                    $"HaiPay's signed answer is status '{verdict.RawStatus}' ({verdict.Outcome}{(verdict.ReviewReason is { } reason ? ", " + reason : string.Empty)}); the decision {resolution.Decision} disagrees with it.");
            }

            providerStatus = verdict.RawStatus;
        }

        var result = await updater.UpdateAsync(found, (o, now) => o.Resolve(resolution.Decision, providerStatus, now), cancellationToken);
        if (result is not { Kind: TransitionKind.Changed, Order: { } resolved })
        {
            return Conflict("The order is not waiting for a person", $"Order '{orderId}' changed meanwhile and is {result.Order?.Status}; nothing was decided.");
        }

        await audit.RecordAsync(new AuditRecord(orderId, AuditKinds.OperatorResolution, Payload(new Dictionary<string, object?>
        {
            ["operator"] = resolution.Operator,
            ["note"] = resolution.Note,
            ["evidence"] = resolution.Evidence,
            ["decision"] = resolution.Decision.ToString(),
            ["reviewReason"] = order.ReviewReason,
            ["providerStatus"] = providerStatus,
        }), resolved.UpdatedAt), cancellationToken);
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
            return Conflict("The delivery is not abandoned", $"Event '{eventId}' of order '{orderId}' is {delivery.Value.State}; only an abandoned delivery is replayed.");
        }

        if (order.Value.LastEvent?.Id != eventId)
        {
            return Conflict("The order has moved on", $"Order '{orderId}' has a later event than '{eventId}'; the merchant is told about that one.");
        }

        var now = time.GetUtcNow();
        if (await outbox.TryReplayAsync(orderId, delivery, now, cancellationToken) is null)
        {
            return Conflict("The delivery changed meanwhile", $"Event '{eventId}' of order '{orderId}' changed while it was being replayed; read it again.");
        }

        await audit.RecordAsync(new AuditRecord(orderId, AuditKinds.OperatorWebhookReplay, Payload(new Dictionary<string, object?>
        {
            ["operator"] = note.Operator,
            ["note"] = note.Note,
            ["eventId"] = eventId,
            ["attempts"] = delivery.Value.Attempts,
            ["lastError"] = delivery.Value.LastError,
        }), now), cancellationToken);
        LogReplayed(logger, eventId, orderId, note.Operator);
        return Results.Accepted(value: new ReplayView(orderId, eventId, nameof(WebhookDeliveryState.Pending), 0, now));
    }

    private async Task<IResult> EnableWebhookEndpointAsync(OperatorNote note, CancellationToken cancellationToken)
    {
        if (webhookOptions.CurrentValue.Endpoint is not { } endpoint)
        {
            return Conflict("No webhook endpoint", "Webhooks:Url is not set; there is nothing to enable.");
        }

        var disabledAt = await outbox.DisabledAtAsync(endpoint, cancellationToken);
        if (disabledAt is not null && await outbox.EnableAsync(endpoint, cancellationToken))
        {
            await audit.RecordAsync(new AuditRecord(null, AuditKinds.OperatorEndpointEnable, Payload(new Dictionary<string, object?>
            {
                ["operator"] = note.Operator,
                ["note"] = note.Note,
                ["disabledAt"] = disabledAt,
            }), time.GetUtcNow()), cancellationToken);
            LogEnabled(logger, note.Operator);
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
            return NotFound(target.OrderId);
        }

        if (order.Value.Provider != PaymentProvider.HaiPay)
        {
            return Conflict("No status query for this provider", "HUAWEIPIN publishes no status query; its callback is the only source of truth.");
        }

        var checkedOrder = await checker.CheckAsync(order.Value, scheduled: false, cancellationToken);
        return Results.Ok(OrderView.From(checkedOrder.Order));
    }

    /// <summary>A body that may be left out (no content): <paramref name="absent"/> then; otherwise JSON validated like any other.</summary>
    private static Task<IResult> OptionalBodyAsync<T>(
        HttpRequest request, Func<JsonElement, FieldErrors, T?> validate, T absent, Func<T, Task<IResult>> handle, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        var empty = request.ContentLength == 0 || (request.ContentLength is null && string.IsNullOrEmpty(request.ContentType));
        return empty ? handle(absent) : JsonBody.ValidatedAsync(request, "operator", validate, handle, cancellationToken);
    }

    private static string Payload(Dictionary<string, object?> fields) => JsonSerializer.Serialize(fields);

    private static string Describe(HaiPayReply reply) => reply switch
    {
        HaiPayReply.Refused refused => $"HaiPay refused the query: {refused.Error} {refused.Message}",
        HaiPayReply.Unavailable unavailable => $"HaiPay did not answer usably: {unavailable.Reason}",
        _ => "HaiPay's answer carried no signed status.",
    };

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Order not found", detail: $"No order has the id '{id}'.");

    private static IResult Conflict(string title, string detail) => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Operator {Operator} resolved order {OrderId} as {Decision} ({Evidence})")]
    private static partial void LogResolved(ILogger logger, string orderId, OrderStatus decision, string evidence, string @operator);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Operator {Operator} replayed webhook {EventId} of order {OrderId}")]
    private static partial void LogReplayed(ILogger logger, string eventId, string orderId, string? @operator);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Operator {Operator} re-enabled the webhook endpoint")]
    private static partial void LogEnabled(ILogger logger, string? @operator);
}
