using System.Net;
using System.Text;
using Payments.Http.Endpoints;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;
using Payments.IntegrationTests.HuaweiPin;

namespace Payments.IntegrationTests.Chaos;

/// <summary>
/// A corpus of malformed requests (bad JSON, wrong types, huge numbers and strings, unicode, injection strings,
/// missing and duplicated fields, wrong content types) against every endpoint: never a 5xx, never a write. Routes
/// that take no body (sync, cancel) get malformed and injected ids instead, as the GET routes do.
/// </summary>
public sealed class MalformedRequestTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string Collection = "malformed-collection";
    private const string Frame = "malformed-frame";

    private static readonly string[] Injections =
    [
        "' or ''='",
        "\" or 1=1 --",
        "PartitionKey eq 'x' or true",
        "<script>alert(1)</script>",
        "${jndi:ldap://x/a}",
        "../../../etc/passwd",
        "%00",
        "{{7*7}}",
        "$(reboot)",
        "\\u0000",
    ];

    private static readonly string[] Texts =
    [
        "",
        " ",
        "\u0000",
        "\ud83d\udcb3\ud83d\udcb3",
        "\u202eevil",
        "ｆｕｌｌｗｉｄｔｈ",
        "مرحبا",
        new string('x', 10_000),
        "\t\n",
        "null",
    ];

    private static readonly string[] Numbers =
    [
        "1e400",
        "-1e400",
        "99999999999999999999999999999999999.99",
        "-0.00",
        "0.001",
        "1.5e-300",
        "NaN",
        "Infinity",
        "12.5",
        "-12.50",
        "0",
        "-1",
        "-0",
        "1.5",
        "1000000000000000000000000000000",
        "\"NaN\"",
        "\"Infinity\"",
        "1000000000",
        "\"999999\"",
        "999999",
    ];

    /// <summary>Every number-like field of every request, and the interval that makes its extremes largest.</summary>
    private static readonly (string Path, string Field, string Interval)[] NumericFields =
    [
        ("/api/haipay/collections", "amount", "D"),
        ("/api/haipay/subscriptions", "amount", "D"),
        ("/api/haipay/subscriptions", "recurringIntervalCount", "Y"),
        ("/api/haipay/subscriptions", "recurringIntervalCount", "M"),
        ("/api/haipay/subscriptions", "recurringIntervalCount", "W"),
        ("/api/haipay/subscriptions", "recurringIntervalCount", "D"),
        ("/api/haipay/subscriptions", "retryTimes", "D"),
        ("/api/haipay/subscriptions", "expiryMonth", "D"),
        ("/api/haipay/subscriptions", "expiryYear", "D"),
    ];

    private static readonly string[] Shapes =
    [
        "",
        "{",
        "}",
        "[",
        "[]",
        "null",
        "true",
        "0",
        "\"text\"",
        "{\"a\":}",
        "{\"a\":1,}",
        "{'a':1}",
        "{\"a\":1}{\"a\":2}",
        "{\"a\":\"\\ud800\"}",
        "{\"a\":\"\\x41\"}",
        new string('[', 100) + new string(']', 100),
        "{\"a\":" + new string('{', 40) + new string('}', 41),
        "\u00ef\u00bb\u00bf{}",
        "{\"a\":1 /* comment */}",
        "{\"a\":01}",
    ];

    private static readonly string[] Fields =
    [
        "orderId",
        "username",
        "customerIp",
        "amount",
        "currency",
        "accountNo",
        "cvv",
        "expiryMonth",
        "expiryYear",
        "email",
        "subscriptionOrderId",
        "recurringInterval",
        "recurringIntervalCount",
        "refundId",
        "merchant_oid",
        "status",
        "hash",
        "sign",
    ];

    [Fact]
    public async Task Corpus_EveryEndpoint_No5xxAndNothingWritten()
    {
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["HaiPayPollSchedule"] = "0 0 0 1 1 *",
                ["ExpireFramesSchedule"] = "0 0 0 1 1 *",
                ["DeliverWebhooksSchedule"] = "0 0 0 1 1 *",
            }
        );
        await FrameFlow.CreatedIframeUrlAsync(system, Frame);
        await CollectionFlow.CreatedPayUrlAsync(system, Collection);
        var corpus = Corpus().ToList();
        var before = await StorageScan.AllValuesAsync(system.Server);

        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var client = system.Server.CreateMerchantClient();
        await Parallel.ForEachAsync(corpus, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (request, ct) =>
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
            if (request.Body is not null)
            {
                message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
                if (request.ContentType is not null)
                {
                    message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
                }
            }

            var response = await client.SendAsync(message, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (
                (int)response.StatusCode >= 500
                || text is "OK" or "SUCCESS"
                || response.StatusCode is HttpStatusCode.Created
            )
            {
                failures.Add(
                    $"{request.Method} {request.Path} [{request.ContentType}] {Preview(request.Body)} → "
                        + $"{(int)response.StatusCode} {Preview(text)}"
                );
            }
        });

        Assert.True(corpus.Count >= 500, $"only {corpus.Count} cases");
        Assert.True(failures.IsEmpty, string.Join('\n', failures.Take(20)));
        Assert.Equal(before, await StorageScan.AllValuesAsync(system.Server));
    }

    [Fact]
    public async Task NumericFields_AtTheirExtremes_400NamingTheFieldAndNothingWritten()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var failures = new List<string>();
        using var client = system.Server.CreateMerchantClient();
        var cases = 0;
        foreach (var (path, field, interval) in NumericFields)
        {
            foreach (
                var literal in Numbers
                    .SelectMany(n =>
                        n.StartsWith('"') || n is "NaN" or "Infinity"
                            ? [n.Trim('"'), $"\"{n.Trim('"')}\""]
                            : new[] { n, $"\"{n}\"" }
                    )
                    .Where(IsJson)
                    .Distinct()
            )
            {
                if (field == "retryTimes" && literal is "0" or "\"0\"")
                {
                    continue;
                }

                var request = path.EndsWith("collections", StringComparison.Ordinal)
                    ? CollectionFlow.Request("extreme-collection")
                    : SubscriptionFlow.Request("extreme-subscription", interval);
                request[field] = "\u0001";
                var body = System
                    .Text.Json.JsonSerializer.Serialize(request)
                    .Replace("\"\\u0001\"", literal, StringComparison.Ordinal);
                var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
                var text = await response.Content.ReadAsStringAsync();
                cases++;
                if (
                    response.StatusCode != HttpStatusCode.BadRequest
                    || !text.Contains($"\"{field}\":[", StringComparison.Ordinal)
                )
                {
                    failures.Add($"{path} {field}={literal} ({interval}) → {(int)response.StatusCode} {Preview(text)}");
                }
            }
        }

        Assert.True(cases >= 200, $"only {cases} cases");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Empty(await StorageScan.AllValuesAsync(system.Server));
    }

    private static IEnumerable<Case> Corpus()
    {
        var bodiless = new[] { ApiRoutes.SyncOrder, ApiRoutes.CancelSubscription };
        var posts = ApiRoutes
            .All.Where(r => r.Method == "POST" && !bodiless.Contains(r))
            .Select(r =>
                "/api/"
                + r.Route.Replace("{id}", Collection, StringComparison.Ordinal)
                    .Replace("{orderId}", Collection, StringComparison.Ordinal)
                    .Replace("{subscriptionId}", Collection, StringComparison.Ordinal)
            )
            .ToList();
        var bodies = Bodies().ToList();
        foreach (var path in posts)
        {
            foreach (var body in bodies)
            {
                yield return new Case("POST", path, "application/json", body);
            }

            foreach (
                var type in new string?[]
                {
                    null,
                    "text/plain",
                    "application/xml",
                    "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x",
                    "application/json; charset=utf-16",
                    "application/jsonx",
                }
            )
            {
                yield return new Case(
                    "POST",
                    path,
                    type,
                    type?.StartsWith("application/x-www", StringComparison.Ordinal) == true
                        ? "orderId=1&amount=2"
                        : "{\"orderId\":\"x\"}"
                );
            }

            yield return new Case(
                "POST",
                path,
                "application/json",
                "{\"orderId\":\"" + new string('x', 70_000) + "\"}"
            );
        }

        foreach (
            var route in ApiRoutes.All.Where(r =>
                r.Route.Contains('{', StringComparison.Ordinal) && (r.Method == "GET" || bodiless.Contains(r))
            )
        )
        {
            foreach (var id in Injections.Concat(["%20", "%2e%2e", "x%00y", "%F0%9F%92%B3", new string('z', 2000)]))
            {
                var start = route.Route.IndexOf('{', StringComparison.Ordinal);
                var end = route.Route.IndexOf('}', StringComparison.Ordinal);
                yield return new Case(
                    route.Method,
                    "/api/" + route.Route[..start] + Uri.EscapeDataString(id) + route.Route[(end + 1)..],
                    null,
                    null
                );
            }
        }
    }

    /// <summary>
    /// Bodies that are not valid requests for any endpoint: broken JSON, wrong types, and one bad field among otherwise
    /// plausible ones.
    /// </summary>
    private static IEnumerable<string> Bodies()
    {
        foreach (var shape in Shapes)
        {
            yield return shape;
        }

        var i = 0;
        foreach (var field in Fields)
        {
            var number = Numbers[i % Numbers.Length];
            var text = Texts[i % Texts.Length];
            var injection = Injections[i % Injections.Length];
            i++;
            yield return $"{{\"{field}\":{number}}}";
            yield return $"{{\"{field}\":{System.Text.Json.JsonSerializer.Serialize(text)}}}";
            yield return $"{{\"{field}\":{System.Text.Json.JsonSerializer.Serialize(injection)}}}";
            yield return $"{{\"{field}\":[\"a\"],\"{field}\":\"b\"}}";
            yield return $"{{\"{field}\":{{\"nested\":true}}}}";
        }
    }

    private static bool IsJson(string literal)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(literal);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static string Preview(string? text) =>
        text is null ? "(none)"
        : text.Length > 80 ? text[..80] + "…"
        : text;

    private sealed record Case(string Method, string Path, string? ContentType, string? Body);
}
