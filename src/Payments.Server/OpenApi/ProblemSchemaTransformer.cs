using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Payments.Core.Orders;
using Payments.Http.Problems;

namespace Payments.Server.OpenApi;

/// <summary>
/// Declares the problem answer as the service writes it (<see cref="ApiProblem"/>, <see cref="ProblemDefaults"/>):
/// the RFC 9457 members, the stable <c>code</c> with every value of <see cref="ProblemCodes"/>, <c>traceId</c>, and the
/// extensions about an order. No other member is answered, so none other is allowed.
/// </summary>
internal sealed class ProblemSchemaTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(
        OpenApiDocument document,
        OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas["ProblemDetails"] = Problem(validation: false);
        document.Components.Schemas["HttpValidationProblemDetails"] = Problem(validation: true);
        return Task.CompletedTask;
    }

    private static OpenApiSchema Problem(bool validation)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("One URI per code: " + ProblemCodes.TypePrefix + "{code}.", "uri"),
            ["title"] = Text("A short summary of the problem."),
            ["status"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Format = "int32",
                Description = "The HTTP status code.",
            },
            ["detail"] = Text("What happened to this request, and what to do.", nullable: true),
            ["instance"] = Text("The request's path, when given.", nullable: true),
            ["traceId"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Pattern = "^[0-9a-f]{32}$",
                Description = "The W3C trace id of the request: find its logs and trace with it.",
            },
            [ApiProblem.CodeMember] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The stable, machine-readable kind of problem (docs/problems.md).",
                Enum = [.. Codes(validation).Select(code => (JsonNode)JsonValue.Create(code.Name))],
            },
            [ApiProblem.OrderIdMember] = Text("The order the problem is about.", nullable: true),
            [ApiProblem.OrderStatusMember] = new OpenApiSchema
            {
                Type = JsonSchemaType.String | JsonSchemaType.Null,
                Description = "The order's status now, when the problem is about an order.",
                Enum = [.. Enum.GetNames<OrderStatus>().Select(name => (JsonNode)JsonValue.Create(name)), null!],
            },
            [ApiProblem.ProviderCodeMember] = Text("The provider's own error code, as it sent it.", nullable: true),
            ["errors"] = new OpenApiSchema
            {
                Type = validation ? JsonSchemaType.Object : JsonSchemaType.Object | JsonSchemaType.Null,
                Description = "Each bad field, header or query value with what is wrong with it.",
                AdditionalProperties = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema { Type = JsonSchemaType.String },
                },
            },
        };
        var required = new HashSet<string> { "type", "title", "status", "traceId", ApiProblem.CodeMember };
        if (validation)
        {
            required.Add("errors");
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = validation
                ? "A 400: the request is invalid; errors names each bad field. Nothing was written."
                : "An RFC 9457 problem answer (application/problem+json) with a stable code.",
            Properties = properties,
            Required = required,
            AdditionalPropertiesAllowed = false,
        };
    }

    private static IEnumerable<ProblemCode> Codes(bool validation) =>
        validation ? [ProblemCodes.InvalidRequest] : ProblemCodes.All;

    private static OpenApiSchema Text(string description, string? format = null, bool nullable = false) =>
        new()
        {
            Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String,
            Format = format,
            Description = description,
        };
}
