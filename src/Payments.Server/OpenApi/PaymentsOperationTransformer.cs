using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Payments.Http.Endpoints;
using Payments.Http.Idempotency;

namespace Payments.Server.OpenApi;

/// <summary>Per operation: the function-key requirement, the Idempotency-Key header on merchant POSTs, and query options.</summary>
internal sealed class PaymentsOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var route = context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiRoute>().FirstOrDefault();
        if (route is null || route.Access != AccessLevel.Function)
        {
            return Task.CompletedTask;
        }

        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(PaymentsDocumentTransformer.FunctionKeyScheme, context.Document)] = [] }];
        operation.Parameters ??= [];
        if (route.Method == "POST")
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotentRequests.Header,
                In = ParameterLocation.Header,
                Description = "Optional. The first 2xx answer is replayed for a repeat with the same body (Idempotent-Replayed: true); " +
                    "another body gets 422, a repeat while the first runs 409. Kept 24 h.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKey.MaxLength },
            });
        }

        if (route == ApiRoutes.GetSubscription)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "refresh",
                In = ParameterLocation.Query,
                Description = "true: ask HaiPay for the subscription's state before answering.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Boolean },
            });
        }

        return Task.CompletedTask;
    }
}
