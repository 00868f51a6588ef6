using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Payments.Core.Orders;

namespace Payments.Server.OpenApi;

/// <summary>
/// The OpenAPI 3.1 <c>webhooks</c> section: every event type the service sends to the merchant's endpoint, each a
/// Standard Webhooks POST whose body is <c>WebhookEvent</c> (<c>type</c>, <c>timestamp</c>, and the order as
/// <c>GET /api/orders/{id}</c> shows it). The types are derived from <see cref="OrderEvent"/>, which names them.
/// </summary>
internal sealed class WebhooksDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string EventSchema = "WebhookEvent";

    /// <summary>Every event type a merchant can receive, e.g. <c>order.succeeded</c>.</summary>
    public static IReadOnlyList<string> EventTypes { get; } =
    [
        .. Enum.GetValues<OrderKind>()
            .SelectMany(kind =>
                Enum.GetValues<OrderStatus>()
                    .Where(status => OrderEvent.IsNotable(kind, status))
                    .Select(status => OrderEvent.TypeOf(kind, status))
            )
            .Distinct(StringComparer.Ordinal),
    ];

    public Task TransformAsync(
        OpenApiDocument document,
        OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[EventSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A webhook's body. Deduplicate on the webhook-id header: a retry repeats it.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [.. EventTypes.Select(type => (JsonNode)JsonValue.Create(type))],
                },
                ["timestamp"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
                ["data"] = new OpenApiSchemaReference("OrderView", document),
            },
            Required = new HashSet<string> { "type", "timestamp", "data" },
            AdditionalPropertiesAllowed = false,
        };
        document.Webhooks = EventTypes.ToDictionary(
            type => type,
            type =>
                (IOpenApiPathItem)
                    new OpenApiPathItem
                    {
                        Operations = new Dictionary<HttpMethod, OpenApiOperation>
                        {
                            [HttpMethod.Post] = Delivery(type, document),
                        },
                    },
            StringComparer.Ordinal
        );
        return Task.CompletedTask;
    }

    private static OpenApiOperation Delivery(string type, OpenApiDocument document) =>
        new()
        {
            Summary = $"Sent when an order event of type {type} is raised",
            Description =
                "Standard Webhooks: verify webhook-signature (v1, Base64 HMAC-SHA256 over id.timestamp.body with the "
                + "whsec_ secret; during a rotation several signatures, any one may match) and refuse a "
                + "webhook-timestamp more than 5 minutes away. Answer 2xx once stored; anything else is retried.",
            Parameters =
            [
                Header("webhook-id", "The event id (evt_...): the same on every retry."),
                Header("webhook-timestamp", "Seconds since the Unix epoch when this attempt was signed."),
                Header("webhook-signature", "Space-separated v1,<base64> signatures."),
            ],
            RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchemaReference(EventSchema, document) },
                },
            },
            Responses = new OpenApiResponses
            {
                ["2XX"] = new OpenApiResponse { Description = "Received; not sent again." },
                ["default"] = new OpenApiResponse { Description = "Not received; retried with backoff." },
            },
        };

    private static OpenApiParameter Header(string name, string description) =>
        new()
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = true,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        };
}
