using System.Text.Json;
using System.Text.RegularExpressions;
using Payments.Client.Models;

namespace Payments.Client.Tests.Contract;

/// <summary>
/// The client against <c>docs/openapi.json</c>: every merchant operation has a client call that sends the
/// document's method and path, and every model matches its schema. A change to the document that the client does not
/// follow fails here.
/// </summary>
public sealed class OpenApiContractTests
{
    private static readonly decimal[] Amounts = [12.5m, 12.50m, 3m, 0.125m];

    public static TheoryData<string> OperationIds => [.. ClientOperation.All.Select(o => o.Id)];

    [Fact]
    public void EveryMerchantOperationOfTheDocument_HasAClientCall()
    {
        var documented = OpenApiDocument.MerchantOperations().Select(o => o.Id).Order().ToList();

        Assert.Equal(documented, ClientOperation.All.Select(o => o.Id).Order().ToList());
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task ClientCall_SendsTheDocumentsMethodPathAndHeaders(string operationId)
    {
        var operation = ClientOperation.All.Single(o => o.Id == operationId);
        var documented = OpenApiDocument.MerchantOperations().Single(o => o.Id == operationId);
        using var handler = new RecordingHandler();
        using var http = new HttpClient(handler);
        var client = new PaymentsClient(
            http,
            new PaymentsClientOptions { BaseAddress = new Uri("https://pay.example/"), FunctionKey = "k" }
        );

        await operation.Call(client);

        var (request, body) = Assert.Single(handler.Sent);
        Assert.Equal(documented.Method, request.Method.Method);
        Assert.Matches(PathPattern(documented.Path), request.RequestUri!.AbsolutePath);
        Assert.Equal("k", Assert.Single(request.Headers.GetValues(PaymentsClient.FunctionKeyHeader)));
        Assert.Equal(operation.Request is not null, body is not null);
        Assert.Equal(documented.Operation.TryGetProperty("requestBody", out _), body is not null);
        var createsSomething = documented.Method == "POST" && body is not null;
        Assert.Equal(createsSomething, request.Headers.Contains(PaymentsClient.IdempotencyKeyHeader));
        Assert.True(!createsSomething || DeclaresIdempotencyKey(documented.Operation));
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void ClientModels_MatchTheDocumentsSchemas(string operationId)
    {
        var operation = ClientOperation.All.Single(o => o.Id == operationId);
        var documented = OpenApiDocument.Operation(operationId);
        var differences = new List<string>();
        foreach (var status in new[] { "200", "201" })
        {
            if (OpenApiDocument.ResponseSchema(documented, status) is { } schema)
            {
                differences.AddRange(ModelSchemaCheck.Differences(operation.Answer, schema, isRequest: false));
            }
        }

        if (operation.Request is { } request)
        {
            var schema = documented.GetProperty("requestBody").GetProperty("content").EnumerateObject().First();
            differences.AddRange(
                ModelSchemaCheck.Differences(request, schema.Value.GetProperty("schema"), isRequest: true)
            );
        }

        Assert.Empty(differences);
    }

    [Fact]
    public void ProblemAnswers_DeclareEveryMemberTheClientReads()
    {
        var declared = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (_, _, _, operation) in OpenApiDocument.MerchantOperations())
        {
            foreach (var response in operation.GetProperty("responses").EnumerateObject())
            {
                if (response.Name[0] is '4' or '5' && OpenApiDocument.ResponseSchema(operation, response.Name) is { } s)
                {
                    foreach (var property in OpenApiDocument.Resolve(s).GetProperty("properties").EnumerateObject())
                    {
                        declared.TryAdd(property.Name, property.Value);
                    }
                }
            }
        }

        var read = typeof(PaymentsProblem)
            .GetProperties()
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .Where(name => !declared.ContainsKey(name));
        Assert.Empty(read);
        Assert.Contains("integer", OpenApiDocument.Types(declared["status"]));
        Assert.Equal(["string"], OpenApiDocument.Types(declared["orderStatus"]).Where(t => t != "null"));
    }

    [Fact]
    public void WebhookEvents_MatchTheDocumentsWebhooksSection()
    {
        Assert.True(OpenApiDocument.Root.TryGetProperty("webhooks", out var webhooks), "no webhooks section");
        var differences = new List<string>();
        var count = 0;
        foreach (var webhook in webhooks.EnumerateObject())
        {
            foreach (var operation in webhook.Value.EnumerateObject())
            {
                var body = operation.Value.GetProperty("requestBody").GetProperty("content").EnumerateObject().First();
                differences.AddRange(
                    ModelSchemaCheck.Differences(
                        typeof(Payments.Client.Webhooks.WebhookEvent),
                        body.Value.GetProperty("schema"),
                        isRequest: false,
                        notInBody: "id"
                    )
                );
                count++;
            }
        }

        Assert.NotEqual(0, count);
        Assert.Empty(differences);
    }

    [Fact]
    public void ProblemCodes_EachListedInTheProblemsReference()
    {
        var listed = File.ReadAllText(
            Path.Combine(IntegrationTests.Fixtures.RepositoryRoot.Path, "docs", "problems.md")
        );
        var codes = typeof(PaymentsProblemCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.Contains($"`{code}`", listed, StringComparison.Ordinal));
    }

    [Fact]
    public void Amounts_AreDecimalTextInTheDocument()
    {
        var schemas = OpenApiDocument.Root.GetProperty("components").GetProperty("schemas");
        var amounts = schemas
            .EnumerateObject()
            .SelectMany(s =>
                s.Value.TryGetProperty("properties", out var properties)
                    ? properties.EnumerateObject().Select(p => (Name: $"{s.Name}.{p.Name}", p.Value))
                    : []
            )
            .Where(p => p.Name.EndsWith("mount", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(amounts);
        Assert.All(amounts, a => Assert.Equal(["string"], OpenApiDocument.Types(a.Value).Where(t => t != "null")));
    }

    [Fact]
    public void MoneyConverter_WritesTwoDecimalsAndKeepsMore()
    {
        var written = JsonSerializer.Serialize(Amounts, Json.PaymentsJson.Options);
        var read = JsonSerializer.Deserialize<decimal[]>("[\"12.50\", 7.25]", Json.PaymentsJson.Options);

        Assert.Equal("""["12.50","12.50","3.00","0.125"]""", written);
        Assert.Equal([12.50m, 7.25m], read!);
    }

    private static bool DeclaresIdempotencyKey(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters)
        && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "Idempotency-Key");

    private static string PathPattern(string template) =>
        "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$";
}
