using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Payments.Core.HaiPay;
using Payments.Core.HuaweiPin;
using Payments.Http.Close;
using Payments.Http.Contracts;
using Payments.Http.HaiPay;
using Payments.Http.HuaweiPin;
using Payments.Http.Operations;
using Payments.Http.Reconciliation;

namespace Payments.Http.Endpoints;

/// <summary>
/// What each route of <see cref="ApiRoutes"/> accepts and answers, for the OpenAPI document. Request bodies are the
/// request records the validators check (their attributes document the limits); a route without an entry here stops
/// the host from starting.
/// </summary>
public static class ApiDocumentation
{
    private const string Json = "application/json";

    private static readonly Dictionary<ApiRoute, Action<RouteHandlerBuilder>> Documented = new()
    {
        [ApiRoutes.Health] = e => e.WithSummary("Storage reachable and tables present").Produces<HealthView>(),
        [ApiRoutes.GetOrder] = e =>
            e.WithSummary("Any order, refund, subscription or charge by id")
                .Produces<OrderView>()
                .ProducesProblem(StatusCodes.Status404NotFound),
        [ApiRoutes.SyncOrder] = e =>
            e.WithSummary("Ask HaiPay about the order now and apply its answer")
                .Produces<OrderView>()
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
                .ProducesProblem(StatusCodes.Status502BadGateway),
        [ApiRoutes.CreateFrame] = e =>
            Create<CreateFrameRequest, FrameView>(e, "Create a HUAWEIPIN payment frame (iframe URL)"),
        [ApiRoutes.CreateCollection] = e =>
            Create<CreateCollectionRequest, CollectionView>(e, "Create a HaiPay card collection (3-D Secure page URL)"),
        [ApiRoutes.GetCollection] = e =>
            e.WithSummary("A HaiPay collection with its refund")
                .Produces<CollectionView>()
                .ProducesProblem(StatusCodes.Status404NotFound),
        [ApiRoutes.RefundCollection] = e =>
        {
            Create<RefundRequest, RefundView>(e, "Refund a succeeded collection in full (body optional)");
            e.ProducesProblem(StatusCodes.Status404NotFound);
        },
        [ApiRoutes.CreateSubscription] = e =>
            Create<CreateSubscriptionRequest, SubscriptionView>(
                e,
                "Create a HaiPay card subscription (confirmation page URL)"
            ),
        [ApiRoutes.GetSubscription] = e =>
            e.WithSummary("A HaiPay subscription with its charges (?refresh=true asks HaiPay first)")
                .Produces<SubscriptionView>()
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status404NotFound),
        [ApiRoutes.CancelSubscription] = e =>
            e.WithSummary("Cancel a HaiPay subscription")
                .Produces<SubscriptionView>()
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
                .ProducesProblem(StatusCodes.Status502BadGateway),
        [ApiRoutes.HuaweiPinCallback] = e =>
            Callback(
                e,
                "HUAWEIPIN's payment callback (SHA-256 hash checked); "
                    + "answers OK once recorded, 503 (recorded, order NeedsReview) for a status not configured"
            ),
        [ApiRoutes.HaiPayNotify] = e =>
            Callback(e, "HaiPay's signed notification (SHA256WithRSA checked); answers SUCCESS once recorded"),
        [ApiRoutes.ListAttention] = e =>
            e.WithSummary(
                    "Operator: what needs a person, by category (needs-review, "
                        + "stale, unmatched-callbacks, unverified-callbacks), a page at a time"
                )
                .Produces<AttentionPageView>()
                .ProducesValidationProblem(),
        [ApiRoutes.ResolveOrder] = e =>
            e.WithSummary(
                    "Operator: decide an order in NeedsReview (Succeeded or Failed), "
                        + "on the provider's answer or as a named override; recorded before it is applied, only to the "
                        + "order "
                        + "as checked (409 if it changed)"
                )
                .Accepts<ResolutionRequest>(Json)
                .Produces<OrderView>()
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
                .ProducesProblem(StatusCodes.Status502BadGateway),
        [ApiRoutes.AcknowledgeOrder] = e =>
            e.WithSummary(
                    "Operator: acknowledge why a final order was flagged (late "
                        + "or contradicted success, another amount); it keeps its status and leaves the listing; "
                        + "audited"
                )
                .Accepts<AcknowledgementRequest>(Json)
                .Produces<OrderView>()
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status415UnsupportedMediaType),
        [ApiRoutes.ListWebhooks] = e =>
            e.WithSummary("Operator: abandoned webhook deliveries, oldest first, a page at a time")
                .Produces<WebhookPageView>()
                .ProducesValidationProblem(),
        [ApiRoutes.ReplayWebhook] = e =>
            e.WithSummary(
                    "Operator: make an abandoned delivery due again with every "
                        + "attempt ahead of it (body optional); audited"
                )
                .Accepts<OperatorNoteRequest>(Json)
                .Produces<ReplayView>(StatusCodes.Status202Accepted)
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status415UnsupportedMediaType),
        [ApiRoutes.GetWebhookEndpoint] = e =>
            e.WithSummary("Operator: the webhook endpoint and whether a 410 disabled it")
                .Produces<WebhookEndpointView>(),
        [ApiRoutes.EnableWebhookEndpoint] = e =>
            e.WithSummary("Operator: re-enable the webhook endpoint after a 410 (body optional); audited")
                .Accepts<OperatorNoteRequest>(Json)
                .Produces<WebhookEndpointView>()
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status415UnsupportedMediaType),
        [ApiRoutes.OpsSync] = e =>
            e.WithSummary(
                    "Operator: ask HaiPay about one order now and apply its answer "
                        + "(200), or with {} run one poll cycle (202)"
                )
                .Accepts<OpsSyncRequest>(Json)
                .Produces<OrderView>()
                .Produces<PollView>(StatusCodes.Status202Accepted)
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status415UnsupportedMediaType),
        [ApiRoutes.GetOrderDetail] = e =>
            e.WithSummary(
                    "Operator: the order with its amounts, last error, newest audit records and webhook deliveries"
                )
                .Produces<OrderDetailView>()
                .ProducesProblem(StatusCodes.Status404NotFound),
        [ApiRoutes.OpsSecrets] = e =>
            e.WithSummary("Operator: which needed secrets are absent or unreadable, by name (never a value)")
                .Produces<SecretsStatusView>(),
        [ApiRoutes.DailyClose] = e =>
            e.WithSummary("Operator: the UTC day's close from the ledger, per provider and currency")
                .Produces<DailyCloseView>()
                .ProducesValidationProblem(),
        [ApiRoutes.DailyCloseCsv] = e =>
            e.WithSummary("Operator: the UTC day's close as CSV, one line per provider and currency")
                .Produces<string>(StatusCodes.Status200OK, "text/csv")
                .ProducesValidationProblem(),
        [ApiRoutes.ReconcileHaiPay] = e =>
            e.WithSummary(
                    "Operator: reconcile the UTC day with HaiPay now (or resume its run; again=true starts it over); "
                        + "differences are listed under category=reconciliation"
                )
                .Produces<ReconciliationRunView>()
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status409Conflict),
        [ApiRoutes.GetHaiPayReconciliation] = e =>
            e.WithSummary("Operator: the day's HaiPay reconciliation summary")
                .Produces<ReconciliationRunView>()
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status404NotFound),
        [ApiRoutes.ImportHuaweiPinExport] = e =>
            e.WithSummary(
                    "Operator: import the HUAWEIPIN panel's transaction export (CSV) of a UTC day and match it "
                        + "against our orders"
                )
                .Accepts<string>("text/csv")
                .Produces<HuaweiPinImportView>()
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status415UnsupportedMediaType),
        [ApiRoutes.OperatorConsole] = e =>
            e.WithSummary(
                    "The operator console: a static HTML page (no data, no key) "
                        + "over the operator API; strict Content-Security-Policy, never cached"
                )
                .Produces<string>(StatusCodes.Status200OK, "text/html"),
    };

    public static void Describe(RouteHandlerBuilder endpoint, ApiRoute route)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(route);
        endpoint.WithMetadata(route).WithTags(route.Route.Split('/')[0]);
        if (route.Access is AccessLevel.Function or AccessLevel.Operator)
        {
            endpoint.ProducesProblem(StatusCodes.Status401Unauthorized);
        }

        if (route.Access is AccessLevel.Operator)
        {
            endpoint.ProducesProblem(StatusCodes.Status403Forbidden);
        }

        endpoint
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        if (!Documented.TryGetValue(route, out var describe))
        {
            throw new ArgumentException($"Route {route.Name} has no documentation.", nameof(route));
        }

        describe(endpoint);
    }

    private static void Create<TRequest, TView>(RouteHandlerBuilder endpoint, string summary)
        where TRequest : notnull =>
        endpoint
            .WithSummary(summary)
            .Accepts<TRequest>(Json)
            .Produces<TView>(StatusCodes.Status201Created)
            .Produces<TView>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway);

    private static void Callback(RouteHandlerBuilder endpoint, string summary) =>
        endpoint
            .WithSummary(summary)
            .Accepts<Dictionary<string, object>>(Json)
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
