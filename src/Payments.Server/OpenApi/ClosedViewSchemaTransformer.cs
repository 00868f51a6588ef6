using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Payments.Server.OpenApi;

/// <summary>
/// Every answer type (<c>*View</c>) is closed: it declares each member it has (<c>additionalProperties: false</c>),
/// so a member added to an answer without its documentation fails the contract check, and clients generated from the
/// document can rely on the list.
/// </summary>
internal sealed class ClosedViewSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(
        OpenApiSchema schema,
        OpenApiSchemaTransformerContext context,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (
            context.JsonPropertyInfo is null
            && context.JsonTypeInfo.Type.Name.EndsWith("View", StringComparison.Ordinal)
        )
        {
            schema.AdditionalPropertiesAllowed = false;
        }

        return Task.CompletedTask;
    }
}
