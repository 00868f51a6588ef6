using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Payments.Core.HaiPay;
using Payments.Core.HuaweiPin;
using Payments.Core.Validation;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;

namespace Payments.IntegrationTests.Api;

/// <summary>
/// Every limit <c>docs/openapi.json</c> (the document the Server serves, see <see cref="OpenApiDocumentTests"/>)
/// gives a request body's property is the one its validator enforces: a value at each documented length or range
/// limit is accepted and one past it refused; a documented pattern or enum accepts exactly what the validator accepts.
/// So the documentation and the validators cannot drift apart. Runs the validators directly, without a host.
/// </summary>
public sealed class ContractLimitsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Keywords = ["maxLength", "minLength", "pattern", "enum", "minimum", "maximum"];

    /// <summary>Values tried against each documented pattern, by property; valid and invalid ones alike.</summary>
    private static readonly Dictionary<string, string[]> PatternProbes = new(StringComparer.Ordinal)
    {
        ["amount"] =
        [
            "0.01",
            "12.50",
            "1234567.00",
            "12345678.00",
            "12.5",
            "12.500",
            "1,000.00",
            "-1.00",
            "+1.00",
            "1e2",
            " 1.00",
            ".50",
            "12.50\n",
            "\u0661\u0662.\u0665\u0660",
        ],
        ["country"] = ["PH", "ph", "pH", "P1", "1H", "P-", "\u00dcB", "PH\n"],
        ["partnerUserId"] =
        [
            "9527",
            "user-9527",
            "a-~!@#$%&*()_",
            "user 1",
            "\u00fcser",
            "a/b",
            "x.y",
            "a+b",
            "a\tb",
            "user\n",
        ],
    };

    public static TheoryData<string, string> LimitedProperties()
    {
        var data = new TheoryData<string, string>();
        foreach (
            var schema in (string[])
                ["CreateFrameRequest", "CreateCollectionRequest", "CreateSubscriptionRequest", "RefundRequest"]
        )
        {
            foreach (var property in Schema(schema).GetProperty("properties").EnumerateObject())
            {
                if (Keywords.Any(keyword => property.Value.TryGetProperty(keyword, out _)))
                {
                    data.Add(schema, property.Name);
                }
            }
        }

        return data;
    }

    [Fact]
    public void Document_LimitsTheRequestPropertiesMerchantsGetWrongMost()
    {
        var limited = LimitedProperties().Select(row => $"{row[0]}.{row[1]}").ToHashSet();

        Assert.Subset(
            limited,
            new HashSet<string>
            {
                "CreateFrameRequest.orderId",
                "CreateFrameRequest.username",
                "CreateCollectionRequest.amount",
                "CreateCollectionRequest.name",
                "CreateCollectionRequest.clientType",
                "CreateCollectionRequest.partnerUserId",
                "CreateSubscriptionRequest.recurringInterval",
                "CreateSubscriptionRequest.recurringIntervalCount",
                "CreateSubscriptionRequest.retryTimes",
                "RefundRequest.refundId",
            }
        );
    }

    [Theory]
    [MemberData(nameof(LimitedProperties))]
    public void DocumentedLimit_IsWhatTheValidatorAcceptsAtTheLimitAndOnePast(string schema, string property)
    {
        var definition = Schema(schema).GetProperty("properties").GetProperty(property);
        var probes = Probes(property, definition).ToList();

        Assert.NotEmpty(probes);
        foreach (var (value, documented) in probes)
        {
            var errors = Validate(schema, property, value);
            var accepted = errors.Count == 0;
            Assert.True(
                documented == accepted,
                $"{schema}.{property} = {value.ToJsonString()}: the document says "
                    + $"{(documented ? "valid" : "invalid")}, the validator {(accepted ? "accepts it" : "refuses it")} "
                    + $"({string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))})"
            );
            Assert.True(accepted || errors.ContainsKey(property), $"{schema}.{property}: refused on another property");
        }
    }

    /// <summary>Values at and one past each documented limit, with whether the document calls each valid.</summary>
    private static IEnumerable<(JsonNode Value, bool Documented)> Probes(string property, JsonElement definition)
    {
        if (definition.TryGetProperty("maxLength", out var max))
        {
            yield return (Text(property, max.GetInt32()), true);
            yield return (Text(property, max.GetInt32() + 1), false);
        }

        if (definition.TryGetProperty("minLength", out var min))
        {
            yield return (Text(property, min.GetInt32()), true);
            if (min.GetInt32() > 0)
            {
                yield return (Text(property, min.GetInt32() - 1), false);
            }
        }

        if (definition.TryGetProperty("pattern", out var pattern) && IsString(definition))
        {
            // A JSON Schema pattern is an ECMA-262 regular expression (\d is 0-9; $ is the end of the value).
            var documented = new Regex(pattern.GetString()!, RegexOptions.ECMAScript, TimeSpan.FromSeconds(1));
            foreach (var value in PatternProbes[property])
            {
                var matches =
                    documented.Match(value) is { Success: true, Index: 0 } match && match.Length == value.Length;
                yield return (JsonValue.Create(value), matches && Within(definition, value.Length));
            }
        }

        if (definition.TryGetProperty("enum", out var values))
        {
            foreach (var value in values.EnumerateArray().Select(v => v.GetString()!))
            {
                yield return (JsonValue.Create(value), true);
                yield return (JsonValue.Create(value.ToLowerInvariant() + "x"), false);
            }

            yield return (JsonValue.Create("OTHER"), false);
        }

        if (definition.TryGetProperty("minimum", out var minimum))
        {
            yield return (JsonValue.Create(minimum.GetInt32()), true);
            yield return (JsonValue.Create(minimum.GetInt32() - 1), false);
        }

        if (definition.TryGetProperty("maximum", out var maximum))
        {
            yield return (JsonValue.Create(maximum.GetInt32()), true);
            yield return (JsonValue.Create((maximum.GetInt32() + 1).ToString(CultureInfo.InvariantCulture)), false);
        }
    }

    /// <summary>A value of <paramref name="length"/> characters that meets every other rule of the property.</summary>
    private static JsonValue Text(string property, int length) =>
        JsonValue.Create(
            property switch
            {
                "name" when length >= 3 => "A " + new string('b', length - 2),
                "email" when length >= 5 => "a@" + new string('b', length - 4) + ".c",
                "referer" or "callBackUrl" => "https://shop.example/" + new string('x', Math.Max(0, length - 21)),
                "country" => new string('P', length),
                _ => new string('x', length),
            }
        );

    private static bool IsString(JsonElement definition) =>
        definition.GetProperty("type") is var type
        && (
            type.ValueKind == JsonValueKind.String
                ? type.GetString() == "string"
                : type.EnumerateArray().All(t => t.GetString() is "string" or "null")
        );

    private static bool Within(JsonElement definition, int length) =>
        (!definition.TryGetProperty("minLength", out var min) || length >= min.GetInt32())
        && (!definition.TryGetProperty("maxLength", out var max) || length <= max.GetInt32());

    /// <summary>
    /// A valid request with <paramref name="property"/> set to <paramref name="value"/>, through its validator.
    /// </summary>
    private static IDictionary<string, string[]> Validate(string schema, string property, JsonNode value)
    {
        var body = JsonSerializer.SerializeToNode(Sample(schema))!.AsObject();
        body[property] = value.DeepClone();
        using var document = JsonDocument.Parse(body.ToJsonString());
        var root = document.RootElement;
        var errors = new FieldErrors();
        var options = new HaiPayOptions { MinAmount = 0.01m, MaxAmount = 100_000_000m };
        options.Accounts["USD"] = new HaiPayAccount { AppId = 1054 };
        _ = schema switch
        {
            "CreateFrameRequest" => (object?)FrameValidator.Validate(root, null, errors),
            "CreateCollectionRequest" => CollectionValidator.Validate(root, options, Now, null, errors),
            "CreateSubscriptionRequest" => SubscriptionValidator.Validate(root, options, Now, null, errors),
            _ => RefundValidator.Validate("collection-1", root, errors),
        };
        return errors.ToDictionary();
    }

    private static Dictionary<string, object?> Sample(string schema) =>
        schema switch
        {
            "CreateFrameRequest" => new()
            {
                ["orderId"] = "frame-1",
                ["username"] = "alice",
                ["customerIp"] = "203.0.113.7",
            },
            "CreateCollectionRequest" => CollectionFlow.Request("collection-1"),
            "CreateSubscriptionRequest" => SubscriptionFlow.Request("subscription-1"),
            _ => new() { ["refundId"] = "refund-1" },
        };

    private static JsonElement Schema(string name)
    {
        var path = Path.Combine(RepositoryRoot.Path, "docs", "openapi.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(name).Clone();
    }
}
