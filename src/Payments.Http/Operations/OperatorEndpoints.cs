using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Payments.Core.Operations;
using Payments.Core.Operations.Resolutions;
using Payments.Core.Operations.Sync;
using Payments.Core.Operations.WebhookEndpoints;
using Payments.Core.Operations.WebhookReplays;
using Payments.Core.Validation;
using Payments.Core.Webhooks;
using Payments.Http.Endpoints;
using Payments.Http.Problems;
using Payments.Http.Security;

namespace Payments.Http.Operations;

/// <summary>
/// The operator API (<c>api/ops/...</c>, operator key): what needs a person, deciding an order in NeedsReview,
/// abandoned webhooks and the disabled endpoint, and provider checks on demand. Each action binds its request (every
/// bad field named, nothing read from storage first), calls its use case in <c>Payments.Core.Operations</c> and answers
/// what that came to (<see cref="OperatorAnswers"/>). Every action is audited (who, when, note) before it is made: a
/// failed audit write answers 503 with nothing changed.
/// </summary>
public sealed class OperatorEndpoints(
    IAttentionList attention,
    IWebhookOutbox outbox,
    AbandonedWebhooks abandonedWebhooks,
    IOptionsMonitor<WebhookOptions> webhookOptions,
    ResolveOrderHandler resolutions,
    ReplayWebhookHandler replays,
    EnableWebhookEndpointHandler endpoints,
    OperatorSyncHandler syncs
)
{
    public async Task<IResult> ListAttentionAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        if (OperatorRequests.Attention(request.Query, errors) is not { } query)
        {
            return ApiProblem.Invalid(errors.ToDictionary(), title: OperatorRequests.InvalidTitle);
        }

        var page = await attention.ListAsync(query, cancellationToken);
        return Results.Ok(new AttentionPageView([.. page.Items.Select(AttentionItemView.From)], page.Continuation));
    }

    public Task<IResult> ResolveAsync(string orderId, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var by = OperatorAuthentication.Current(request.HttpContext);
        return JsonBody.ValidatedAsync(
            request,
            "resolution",
            (body, errors) => OperatorRequests.Resolution(orderId, by, body, errors),
            async command =>
                OperatorAnswers.Resolution(command, await resolutions.HandleAsync(command, cancellationToken)),
            cancellationToken
        );
    }

    public async Task<IResult> ListWebhooksAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        if (OperatorRequests.Webhooks(request.Query, errors) is not { } query)
        {
            return ApiProblem.Invalid(errors.ToDictionary(), title: OperatorRequests.InvalidTitle);
        }

        var page = await abandonedWebhooks.ListAsync(query.Limit, query.After, cancellationToken);
        return Results.Ok(new WebhookPageView([.. page.Items.Select(AbandonedWebhookView.From)], page.Continuation));
    }

    public Task<IResult> ReplayWebhookAsync(
        string orderId,
        string eventId,
        HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var by = OperatorAuthentication.Current(request.HttpContext);
        return OptionalJsonBody.ValidatedAsync(
            request,
            [("orderId", orderId), ("eventId", eventId)],
            OperatorRequests.Note,
            OperatorNote.None,
            async note =>
            {
                var command = new ReplayWebhookCommand(orderId, eventId, by.Naming(note.Operator), note.Note);
                return OperatorAnswers.Replay(command, await replays.HandleAsync(command, cancellationToken));
            },
            cancellationToken
        );
    }

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

    public Task<IResult> EnableWebhookEndpointAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var by = OperatorAuthentication.Current(request.HttpContext);
        return OptionalJsonBody.ValidatedAsync(
            request,
            [],
            OperatorRequests.Note,
            OperatorNote.None,
            async note =>
                OperatorAnswers.EnableWebhookEndpoint(
                    await endpoints.HandleAsync(
                        new EnableWebhookEndpointCommand(by.Naming(note.Operator), note.Note),
                        cancellationToken
                    )
                ),
            cancellationToken
        );
    }

    public Task<IResult> SyncAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var by = OperatorAuthentication.Current(request.HttpContext);
        return OptionalJsonBody.ValidatedAsync(
            request,
            [],
            (body, errors) => OperatorRequests.Sync(body, by, errors),
            new OperatorSyncCommand(null, by),
            async command => OperatorAnswers.Sync(command, await syncs.HandleAsync(command, cancellationToken)),
            cancellationToken
        );
    }
}
