using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Payments.Http.Contracts;
using Payments.Http.HaiPay;
using Payments.Http.HuaweiPin;
using Payments.Http.Operations;

namespace Payments.Http.Endpoints;

/// <summary>What each route accepts and answers, for the OpenAPI document (the handlers read and write JSON themselves).</summary>
public static class ApiDocumentation
{
    private const string Json = "application/json";

    public static void Describe(RouteHandlerBuilder endpoint, ApiRoute route)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(route);
        endpoint.WithMetadata(route).WithTags(route.Route.Split('/')[0]);
        if (route.Access is AccessLevel.Function or AccessLevel.Admin)
        {
            endpoint.ProducesProblem(StatusCodes.Status401Unauthorized);
        }

        endpoint.ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        switch (route.Name)
        {
            case var name when name == ApiRoutes.Health.Name:
                endpoint.WithSummary("Storage reachable and tables present").Produces<HealthView>();
                break;
            case var name when name == ApiRoutes.GetOrder.Name:
                endpoint.WithSummary("Any order, refund, subscription or charge by id").Produces<OrderView>().ProducesProblem(StatusCodes.Status404NotFound);
                break;
            case var name when name == ApiRoutes.SyncOrder.Name:
                endpoint.WithSummary("Ask HaiPay about the order now and apply its answer").Produces<OrderView>()
                    .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
                break;
            case var name when name == ApiRoutes.CreateFrame.Name:
                Create<CreateFrameRequest, FrameView>(endpoint, "Create a HUAWEIPIN payment frame (iframe URL)");
                break;
            case var name when name == ApiRoutes.CreateCollection.Name:
                Create<CreateCollectionRequest, CollectionView>(endpoint, "Create a HaiPay card collection (3-D Secure page URL)");
                break;
            case var name when name == ApiRoutes.GetCollection.Name:
                endpoint.WithSummary("A HaiPay collection with its refund").Produces<CollectionView>().ProducesProblem(StatusCodes.Status404NotFound);
                break;
            case var name when name == ApiRoutes.RefundCollection.Name:
                Create<RefundRequest, RefundView>(endpoint, "Refund a succeeded collection in full (body optional)");
                endpoint.ProducesProblem(StatusCodes.Status404NotFound);
                break;
            case var name when name == ApiRoutes.CreateSubscription.Name:
                Create<CreateSubscriptionRequest, SubscriptionView>(endpoint, "Create a HaiPay card subscription (confirmation page URL)");
                break;
            case var name when name == ApiRoutes.GetSubscription.Name:
                endpoint.WithSummary("A HaiPay subscription with its charges (?refresh=true asks HaiPay first)").Produces<SubscriptionView>()
                    .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
                break;
            case var name when name == ApiRoutes.CancelSubscription.Name:
                endpoint.WithSummary("Cancel a HaiPay subscription").Produces<SubscriptionView>().ProducesProblem(StatusCodes.Status404NotFound)
                    .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status502BadGateway);
                break;
            case var name when name == ApiRoutes.HuaweiPinCallback.Name:
                Callback(endpoint, "HUAWEIPIN's payment callback (SHA-256 hash checked); answers OK once recorded, 503 (recorded, order NeedsReview) for a status not configured");
                break;
            case var name when name == ApiRoutes.HaiPayNotify.Name:
                Callback(endpoint, "HaiPay's signed notification (SHA256WithRSA checked); answers SUCCESS once recorded");
                break;
            case var name when name == ApiRoutes.ListAttention.Name:
                endpoint.WithSummary("Operator: what needs a person, by category (needs-review, stale, unmatched-callbacks, unverified-callbacks), a page at a time")
                    .Produces<AttentionPageView>().ProducesValidationProblem();
                break;
            case var name when name == ApiRoutes.ResolveOrder.Name:
                endpoint.WithSummary("Operator: decide an order in NeedsReview (Succeeded or Failed), on the provider's answer or as a named override; recorded before it is applied, only to the order as checked (409 if it changed)")
                    .Accepts<ResolutionRequest>(Json).Produces<OrderView>().ProducesValidationProblem()
                    .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
                    .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status502BadGateway);
                break;
            case var name when name == ApiRoutes.AcknowledgeOrder.Name:
                endpoint.WithSummary("Operator: acknowledge why a final order was flagged (late or contradicted success, another amount); it keeps its status and leaves the listing; audited")
                    .Accepts<AcknowledgementRequest>(Json).Produces<OrderView>().ProducesValidationProblem()
                    .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
                    .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
                break;
            case var name when name == ApiRoutes.ListWebhooks.Name:
                endpoint.WithSummary("Operator: abandoned webhook deliveries, oldest first, a page at a time").Produces<WebhookPageView>().ProducesValidationProblem();
                break;
            case var name when name == ApiRoutes.ReplayWebhook.Name:
                endpoint.WithSummary("Operator: make an abandoned delivery due again with every attempt ahead of it (body optional); audited")
                    .Accepts<OperatorNoteRequest>(Json).Produces<ReplayView>(StatusCodes.Status202Accepted).ProducesValidationProblem()
                    .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
                break;
            case var name when name == ApiRoutes.GetWebhookEndpoint.Name:
                endpoint.WithSummary("Operator: the webhook endpoint and whether a 410 disabled it").Produces<WebhookEndpointView>();
                break;
            case var name when name == ApiRoutes.EnableWebhookEndpoint.Name:
                endpoint.WithSummary("Operator: re-enable the webhook endpoint after a 410 (body optional); audited")
                    .Accepts<OperatorNoteRequest>(Json).Produces<WebhookEndpointView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
                    .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
                break;
            case var name when name == ApiRoutes.OpsSync.Name:
                endpoint.WithSummary("Operator: ask HaiPay about one order now and apply its answer (200), or with {} run one poll cycle (202)")
                    .Accepts<OpsSyncRequest>(Json).Produces<OrderView>().Produces<PollView>(StatusCodes.Status202Accepted).ProducesValidationProblem()
                    .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
                break;
            case var name when name == ApiRoutes.OperatorConsole.Name:
                endpoint.WithSummary("The operator console: a static HTML page (no data, no key) over the operator API; strict Content-Security-Policy, never cached")
                    .Produces<string>(StatusCodes.Status200OK, "text/html");
                break;
            default:
                throw new ArgumentException($"Route {route.Name} has no documentation.", nameof(route));
        }
    }

    private static void Create<TRequest, TView>(RouteHandlerBuilder endpoint, string summary) where TRequest : notnull =>
        endpoint.WithSummary(summary)
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
        endpoint.WithSummary(summary)
            .Accepts<Dictionary<string, object>>(Json)
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
