using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Payments.Server.OpenApi;

/// <summary>Title, description and the function-key security scheme of the merchant-facing API.</summary>
internal sealed class PaymentsDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string FunctionKeyScheme = "functionKey";
    public const string OperatorKeyScheme = "operatorKey";
    public const string OperatorSignInScheme = "operatorSignIn";

    public Task TransformAsync(
        OpenApiDocument document,
        OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken
    )
    {
        document.Info = new OpenApiInfo
        {
            Title = "Payments integration service",
            Version = "v1",
            Description =
                "Takes payments through HUAWEIPIN (gift-card frames) and HaiPay (cards, subscriptions, refunds). "
                + "Merchant calls carry a function key; operator calls (api/ops/...) an operator key. Every POST "
                + "accepts an Idempotency-Key. Final, expired, flagged and "
                + "activated states are also sent to the merchant's configured endpoint as Standard Webhooks "
                + "notifications "
                + "(webhook-id, webhook-timestamp, webhook-signature: v1, Base64 HMAC-SHA256 over id.timestamp.body) "
                + "whose "
                + "body is {type, timestamp, data}, data being the order as GET /api/orders/{id} shows it.",
        };
        document.Servers =
        [
            new OpenApiServer { Url = "http://127.0.0.1:7071", Description = "Local: scripts/run-local" },
            new OpenApiServer
            {
                Url = "https://{functionApp}.azurewebsites.net",
                Description = "Azure: the Function App azd created",
                Variables = new Dictionary<string, OpenApiServerVariable>
                {
                    ["functionApp"] = new() { Default = "payments-func", Description = "The Function App's name." },
                },
            },
        ];
        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = "health", Description = "Whether storage answers; for probes and availability tests." },
            new() { Name = "orders", Description = "Any order by id, and asking its provider now." },
            new() { Name = "huaweipin", Description = "HUAWEIPIN gift-card frames and their callback." },
            new() { Name = "haipay", Description = "HaiPay collections, refunds, subscriptions and notifications." },
            new() { Name = "ops", Description = "Operators: orders needing a person, webhooks, sync, the console." },
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [FunctionKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "x-functions-key",
                Description = "A function key (in Azure: az functionapp keys list; locally: local-dev-function-key).",
            },
            [OperatorKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "x-functions-key",
                Description =
                    "An operator key, for the operator routes (api/ops/...) only, where Operators:Authentication is "
                    + "Keys (the Server; locally: local-dev-operator-key-0123456789). A function key is refused there.",
            },
            [OperatorSignInScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description =
                    "On Azure (Operators:Authentication EntraId): a Microsoft Entra ID access token for "
                    + "api://<OPERATOR_CLIENT_ID> (az account get-access-token --scope api://<id>/.default), or the "
                    + "console's sign-in session; the principal needs the Payments.Operator app role (else 403).",
            },
        };
        return Task.CompletedTask;
    }
}
