using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Payments.Core.Idempotency;
using Payments.Http.Endpoints;

namespace Payments.Server.OpenApi;

/// <summary>
/// Per operation: the function-key requirement, the Idempotency-Key header on merchant POSTs, and query options.
/// </summary>
internal sealed class PaymentsOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(
        OpenApiOperation operation,
        OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken
    )
    {
        var route = context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiRoute>().FirstOrDefault();
        if (route is { Access: AccessLevel.Operator })
        {
            operation.Security =
            [
                Requirement(PaymentsDocumentTransformer.OperatorKeyScheme, context.Document),
                Requirement(PaymentsDocumentTransformer.OperatorSignInScheme, context.Document),
            ];
            AddOperatorQuery(operation, route);
            return Task.CompletedTask;
        }

        if (route is { Access: AccessLevel.Anonymous })
        {
            // No key: the payload's hash or signature (callbacks) is the authentication, or nothing is disclosed.
            operation.Security = [];
            return Task.CompletedTask;
        }

        if (route is null || route.Access != AccessLevel.Function)
        {
            return Task.CompletedTask;
        }

        operation.Security = [Requirement(PaymentsDocumentTransformer.FunctionKeyScheme, context.Document)];
        operation.Parameters ??= [];
        if (route.Method == "POST")
        {
            operation.Parameters.Add(
                new OpenApiParameter
                {
                    Name = IdempotencyKey.Header,
                    In = ParameterLocation.Header,
                    Description =
                        "Optional. The first 2xx answer is replayed for a repeat with the same body "
                        + "(Idempotent-Replayed: true); "
                        + "another body gets 422, a repeat while the first runs 409. Kept 24 h.",
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        MinLength = 1,
                        MaxLength = IdempotencyKey.MaxLength,
                    },
                }
            );
        }

        if (route == ApiRoutes.GetSubscription)
        {
            operation.Parameters.Add(
                new OpenApiParameter
                {
                    Name = "refresh",
                    In = ParameterLocation.Query,
                    Description = "true: ask HaiPay for the subscription's state before answering.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Boolean },
                }
            );
        }

        return Task.CompletedTask;
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };

    private static void AddOperatorQuery(OpenApiOperation operation, ApiRoute route)
    {
        (string Name, string Description, JsonSchemaType Type)[] parameters =
            route == ApiRoutes.ListAttention
                ?
                [
                    (
                        "category",
                        "Required: needs-review, stale, unmatched-callbacks or unverified-callbacks.",
                        JsonSchemaType.String
                    ),
                    ("reason", "needs-review only: one review reason (e.g. checks-exhausted).", JsonSchemaType.String),
                    (
                        "olderThan",
                        "stale only: how long the order has waited at least, 1.00:00:00 or P1D (default 1 day).",
                        JsonSchemaType.String
                    ),
                    ("limit", "Items per page, 1 to 200 (default 50).", JsonSchemaType.Integer),
                    ("continuation", "The previous page's continuation.", JsonSchemaType.String),
                ]
            : route == ApiRoutes.ListWebhooks
                ?
                [
                    ("state", "abandoned (the default and only state listed).", JsonSchemaType.String),
                    ("limit", "Items per page, 1 to 200 (default 50).", JsonSchemaType.Integer),
                    ("continuation", "The previous page's continuation.", JsonSchemaType.String),
                ]
            : [];
        if (parameters.Length == 0)
        {
            return;
        }

        operation.Parameters ??= [];
        foreach (var (name, description, type) in parameters)
        {
            operation.Parameters.Add(
                new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Query,
                    Required = name == "category",
                    Description = description,
                    Schema = new OpenApiSchema { Type = type },
                }
            );
        }
    }
}
