using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Orders;
using Payments.Http.OperatorUi;
using Payments.IntegrationTests.Chaos;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;
using Payments.IntegrationTests.HuaweiPin;

namespace Payments.IntegrationTests.Functions;

/// <summary>
/// The Functions worker's real host and function classes (see <see cref="FunctionsWorker"/>) against Azurite and the
/// sandbox: every HTTP function answers a request exactly as the Server does, writes what the Server would write, and
/// an exception becomes the same problem+json.
/// </summary>
public sealed partial class FunctionsHttpTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    /// <summary>
    /// Headers either host adds on its own (Kestrel's, chunking) and so not part of what the code answers.
    /// </summary>
    private static readonly HashSet<string> TransportHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date",
        "Server",
        "Transfer-Encoding",
        "Content-Length",
    };

    [Fact]
    public async Task EveryHttpFunction_SameRequestAsServer_SameStatusHeadersAndBody()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await using var worker = await FunctionsWorker.StartAsync(azurite, system);
        await FrameFlow.CreatedIframeUrlAsync(system, "fn-frame");
        await CollectionFlow.CreatedPayUrlAsync(system, "fn-coll");
        await SubscriptionFlow.CreatedPayUrlAsync(system, "fn-sub");
        var forgedCallback = ProviderMessages.HuaweiPin(
            "fn-frame",
            OrderStatus.Succeeded,
            40m,
            "wrong-callback-key",
            null
        );
        var tamperedNotify = ProviderMessages.HaiPay(
            "fn-coll",
            OrderStatus.Succeeded,
            12.50m,
            Payments.Core.HaiPay.HaiPayKeys.PrivateKey(PaymentsSystem.HaiPayKeys.PlatformPrivate),
            tamper: true
        );
        var table = new Dictionary<string, FunctionRequest>
        {
            ["Health"] = new("GET", "/api/health"),
            ["GetOrder"] = new("GET", "/api/orders/fn-frame"),
            ["SyncOrder"] = new("POST", "/api/orders/fn-missing/sync"),
            ["CreateHuaweiPinFrame"] = new("POST", "/api/huaweipin/frames", """{"orderId":"fn-bad","username":""}"""),
            ["HuaweiPinCallback"] = new("POST", forgedCallback.Path, forgedCallback.Body),
            ["CreateHaiPayCollection"] = new(
                "POST",
                "/api/haipay/collections",
                """{"orderId":"fn-bad","orderId":"fn-bad2"}"""
            ),
            ["GetHaiPayCollection"] = new("GET", "/api/haipay/collections/fn-coll"),
            ["RefundHaiPayCollection"] = new("POST", "/api/haipay/collections/fn-coll/refunds", "{}"),
            ["CreateHaiPaySubscription"] = new(
                "POST",
                "/api/haipay/subscriptions",
                """{"subscriptionOrderId":"fn-bad"}"""
            ),
            ["GetHaiPaySubscription"] = new("GET", "/api/haipay/subscriptions/fn-sub"),
            ["CancelHaiPaySubscription"] = new("POST", "/api/haipay/subscriptions/fn-missing/cancel", "{}"),
            ["HaiPayNotify"] = new("POST", tamperedNotify.Path, tamperedNotify.Body),
            ["OpsListAttention"] = new("GET", "/api/ops/attention?category=unverified-callbacks&limit=5"),
            ["OpsResolveOrder"] = new(
                "POST",
                "/api/ops/orders/fn-coll/resolution",
                """{"decision":"Maybe","evidence":"manual-override"}"""
            ),
            ["OpsAcknowledgeOrder"] = new(
                "POST",
                "/api/ops/orders/fn-coll/acknowledgement",
                """{"operator":"fn@shop.example","note":"seen"}"""
            ),
            ["OpsGetOrder"] = new("GET", "/api/ops/orders/fn-coll"),
            ["OpsListWebhooks"] = new("GET", "/api/ops/webhooks?state=abandoned&limit=0"),
            ["OpsReplayWebhook"] = new("POST", "/api/ops/webhooks/fn-coll/evt_missing/replay", null),
            ["OpsGetWebhookEndpoint"] = new("GET", "/api/ops/webhooks/endpoint"),
            ["OpsEnableWebhookEndpoint"] = new("POST", "/api/ops/webhooks/endpoint/enable", "{}"),
            ["OpsSync"] = new("POST", "/api/ops/sync", """{"orderId":"fn-frame"}"""),
            ["OpsSecrets"] = new("GET", "/api/ops/secrets"),
            ["OpsDailyClose"] = new("GET", "/api/ops/close/2026-01-01"),
            ["OpsDailyCloseCsv"] = new("GET", "/api/ops/close/2026-13-01/csv"),
            ["OpsReconcileHaiPay"] = new("POST", "/api/ops/reconciliation/haipay/2999-01-01", null),
            ["OpsGetHaiPayReconciliation"] = new("GET", "/api/ops/reconciliation/haipay/2026-01-01"),
            ["OpsImportHuaweiPinExport"] = new("POST", "/api/ops/reconciliation/huaweipin/2999-01-01", "x", "text/csv"),
            ["OperatorConsole"] = new("GET", "/api/ops/console"),
        };
        using var server = system.Server.CreateMerchantClient();
        using var operatorServer = system.Server.CreateOperatorClient();

        var answers = new List<(string Function, string Server, string Functions)>();
        var operatorKey = new Dictionary<string, string> { ["x-functions-key"] = ServerHost.OperatorKey };
        foreach (var (function, request) in table)
        {
            var operatorCall = request.Path.StartsWith("/api/ops/", StringComparison.Ordinal);
            var client = operatorCall ? operatorServer : server;
            var sent = operatorCall ? request with { Headers = operatorKey } : request;
            answers.Add((function, await ServerAnswerAsync(client, request), Describe(await worker.SendAsync(sent))));
        }

        Assert.Equal(
            FunctionsWorker.Functions.Where(f => f.Route is not null).Select(f => f.Name).Order(),
            table.Keys.Order()
        );
        Assert.All(answers, a => Assert.Equal((a.Function, a.Server), (a.Function, a.Functions)));
        Assert.Contains(answers, a => a.Server.StartsWith("400", StringComparison.Ordinal));
        Assert.Contains(answers, a => a.Server.StartsWith("401", StringComparison.Ordinal));
        Assert.Contains(answers, a => a.Server.StartsWith("200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateCollectionAndCallback_ThroughFunctions_WrittenAsTheServerReadsThem()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await using var worker = await FunctionsWorker.StartAsync(azurite, system);
        await FrameFlow.CreatedIframeUrlAsync(system, "fn-paid");
        var callback = ProviderMessages.Genuine("fn-paid", OrderStatus.Succeeded, 40m, PaymentProvider.HuaweiPin);

        var created = await worker.SendAsync(
            new FunctionRequest(
                "POST",
                "/api/haipay/collections",
                JsonSerializer.Serialize(CollectionFlow.Request("fn-created"))
            )
        );
        var acknowledged = await worker.SendAsync(new FunctionRequest("POST", callback.Path, callback.Body));

        Assert.Equal(201, created.Status);
        Assert.Equal("Pending", JsonDocument.Parse(created.Body).RootElement.GetProperty("status").GetString());
        Assert.NotNull(await system.SandboxPaymentAsync("fn-created"));
        Assert.Equal((200, callback.Ack), (acknowledged.Status, acknowledged.Body));
        await system.WaitForStatusAsync("fn-paid", "Succeeded");
        using var server = system.Server.CreateMerchantClient();
        Assert.Equal(
            "Pending",
            (await server.GetFromJsonAsync<JsonElement>("/api/orders/fn-created")).GetProperty("status").GetString()
        );
    }

    [Fact]
    public async Task GetOrder_StorageCut_503ProblemWithRetryAfterFromTheWorkerMiddleware()
    {
        await using var line = StorageCutProxy.Start(azurite.Port);
        await using var worker = await FunctionsWorker.StartAsync(
            azurite,
            Fixtures.TablePrefix.New(),
            new Dictionary<string, string?> { ["PaymentsStorage:ConnectionString"] = line.ConnectionString(azurite) }
        );
        line.Cut();

        var response = await worker.SendAsync(new FunctionRequest("GET", "/api/orders/fn-cut"));

        Assert.Equal(
            (503, "application/problem+json", "5"),
            (response.Status, response.Headers.ContentType.ToString(), response.Headers.RetryAfter.ToString())
        );
        Assert.Equal(503, JsonDocument.Parse(response.Body).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task OperatorConsole_ThroughFunctions_SamePageBytesAndSecurityHeadersAsServer()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await using var worker = await FunctionsWorker.StartAsync(azurite, system);
        using var anonymous = system.Server.CreateAnonymousClient();

        using var served = await anonymous.GetAsync("/api/ops/console");
        var function = await worker.SendAsync(new FunctionRequest("GET", "/api/ops/console"));

        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.Equal((200, 200), ((int)served.StatusCode, function.Status));
        Assert.Equal(bytes, Encoding.UTF8.GetBytes(function.Body));
        Assert.Equal(bytes, worker.Services.GetRequiredService<OperatorConsolePage>().Content.ToArray());
        var policy = served.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Equal(policy, function.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal(
            ("text/html; charset=utf-8", "nosniff", "no-store", "DENY", "no-referrer"),
            (
                served.Content.Headers.ContentType!.ToString(),
                served.Headers.GetValues("X-Content-Type-Options").Single(),
                served.Headers.CacheControl!.ToString(),
                served.Headers.GetValues("X-Frame-Options").Single(),
                served.Headers.GetValues("Referrer-Policy").Single()
            )
        );
        Assert.Equal(
            ("text/html; charset=utf-8", "nosniff", "no-store", "DENY", "no-referrer"),
            (
                function.Headers.ContentType.ToString(),
                function.Headers.XContentTypeOptions.ToString(),
                function.Headers.CacheControl.ToString(),
                function.Headers.XFrameOptions.ToString(),
                function.Headers["Referrer-Policy"].ToString()
            )
        );

        // The one inline script and style are allowed by their hash and nothing else is: no 'unsafe-inline', no other
        // source.
        var page = Encoding.UTF8.GetString(bytes);
        Assert.Equal(
            $"default-src 'none'; script-src '{Sha256(Inline(page, "script"))}'; style-src "
                + $"'{Sha256(Inline(page, "style"))}'; connect-src 'self'; img-src 'self'; "
                + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; "
                + "trusted-types 'none'",
            policy
        );
        Assert.DoesNotContain("innerHTML", page, StringComparison.Ordinal);
        Assert.DoesNotContain(ServerHost.FunctionKey, page, StringComparison.Ordinal);
    }

    private static string Inline(string page, string element)
    {
        var start = page.IndexOf($"<{element}>", StringComparison.Ordinal) + element.Length + 2;
        Assert.Equal(start - element.Length - 2, page.LastIndexOf($"<{element}>", StringComparison.Ordinal));
        return page[start..page.IndexOf($"</{element}>", start, StringComparison.Ordinal)];
    }

    private static string Sha256(string inline) =>
        "sha256-"
        + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(inline)));

    private static async Task<string> ServerAnswerAsync(HttpClient server, FunctionRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8, request.ContentType!);
            message.Content.Headers.ContentType!.CharSet = null;
        }

        using var response = await server.SendAsync(message);
        var headers = response
            .Headers.Concat(response.Content.Headers)
            .Where(h => !TransportHeaders.Contains(h.Key))
            .Select(h => $"{h.Key.ToLowerInvariant()}: {string.Join(",", h.Value)}");
        return Describe((int)response.StatusCode, headers, await response.Content.ReadAsStringAsync());
    }

    private static string Describe(FunctionResponse response) =>
        Describe(
            response.Status,
            response
                .Headers.Where(h => !TransportHeaders.Contains(h.Key))
                .Select(h => $"{h.Key.ToLowerInvariant()}: {h.Value}"),
            response.Body
        );

    [GeneratedRegex(",?\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    /// <summary>
    /// Status, sorted headers and body; a problem's <c>traceId</c> differs per request and is left out.
    /// </summary>
    private static string Describe(int status, IEnumerable<string> headers, string body)
    {
        return $"{status}\n{string.Join('\n', headers.Order(StringComparer.Ordinal))}\n{TraceId().Replace(body, string.Empty)}";
    }
}
