using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Payments.Server.OpenApi;

/// <summary>
/// Documents a request property's <see cref="AllowedValuesAttribute"/> as the schema's <c>enum</c>, so the values a
/// validator accepts are listed from the same declaration it reads them from.
/// </summary>
internal sealed class AllowedValuesSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(
        OpenApiSchema schema,
        OpenApiSchemaTransformerContext context,
        CancellationToken cancellationToken
    )
    {
        if (
            context.JsonPropertyInfo?.AttributeProvider is MemberInfo member
            && member.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed
        )
        {
            schema.Enum = [.. allowed.Values.Select(value => (JsonNode)JsonValue.Create(value?.ToString())!)];
        }

        return Task.CompletedTask;
    }
}
