using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using Payments.Testing;

namespace Payments.AppHost.Tests.LocalStack;

/// <summary>
/// The whole local stack as <c>scripts/run-local</c> starts it (the AppHost: Azurite, the sandbox, the Server, the
/// dashboard), on free ports and its own Azurite folder so it runs beside the integration tests and a developer's
/// run-local: one HUAWEIPIN payment end to end, its webhook listed by the sandbox's receiver, and the dashboard in
/// headless Chromium (screenshots under <c>artifacts/screenshots/</c>).
/// </summary>
public sealed partial class LocalStackTests
{
    private const string FunctionKey = "local-dev-function-key";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private static readonly string[] ChromiumArgs =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    [Fact]
    public async Task AppHost_OnePaymentEndToEnd_WebhookListedAndDashboardShowsResourcesAndTrace()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var cancellationToken = timeout.Token;
        var ports = new StackPorts();
        var azuriteFolder = Directory.CreateTempSubdirectory("apphost-test-azurite-");
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Payments_AppHost>(
                new DistributedApplicationTestingBuilderOptions { EnableDashboard = true },
                ports.Arguments(azuriteFolder.FullName),
                cancellationToken
            );
            await using var app = await builder.BuildAsync(cancellationToken);
            await app.StartAsync(cancellationToken);
            foreach (var resource in new[] { "azurite", "sandbox", "server" })
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellationToken);
            }

            var orderId = $"apphost-{Guid.NewGuid():N}";
            var traceId = ActivityTraceId.CreateRandom().ToHexString();
            await PayFrameAsync(ports, orderId, traceId, cancellationToken);
            await AssertWebhookListedAsync(ports, orderId, cancellationToken);
            await ScreenshotDashboardAsync(await app.GetDashboardUrlAsync(cancellationToken), traceId);
        }
        finally
        {
            azuriteFolder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Creates the frame (with a known W3C trace id, so the dashboard's trace page can be opened), pays it at the
    /// sandbox as a browser would, and waits for the order to read Succeeded.
    /// </summary>
    private static async Task PayFrameAsync(
        StackPorts ports,
        string orderId,
        string traceId,
        CancellationToken cancellationToken
    )
    {
        using var merchant = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports.Server}") };
        merchant.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/huaweipin/frames")
        {
            Content = JsonContent.Create(
                new
                {
                    orderId,
                    username = "alice",
                    customerIp = "203.0.113.7",
                }
            ),
        };
        create.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var created = await merchant.SendAsync(create, cancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var frame = await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var iframeUrl = new Uri(frame.GetProperty("iframeUrl").GetString()!);
        Assert.Equal(ports.Sandbox, iframeUrl.Port);

        using var browser = new HttpClient();
        var page = await browser.GetStringAsync(iframeUrl, cancellationToken);
        var token = TokenInput().Match(page).Groups[1].Value;
        Assert.NotEmpty(token);
        using var form = new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["token"] = token,
                ["amount"] = "100.00",
                ["outcome"] = "success",
            }
        );
        using var paid = await browser.PostAsync(new Uri(iframeUrl, "complete"), form, cancellationToken);
        paid.EnsureSuccessStatusCode();

        string? status = null;
        while (status != "Succeeded")
        {
            await Task.Delay(250, cancellationToken);
            var order = await merchant.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}", cancellationToken);
            status = order.GetProperty("status").GetString();
        }
    }

    /// <summary>
    /// The Server delivers <c>order.succeeded</c> to the sandbox's receiver (the AppHost's default webhook URL), which
    /// lists it with its Standard Webhooks headers and a verified signature.
    /// </summary>
    private static async Task AssertWebhookListedAsync(
        StackPorts ports,
        string orderId,
        CancellationToken cancellationToken
    )
    {
        using var sandbox = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports.Sandbox}") };
        JsonElement delivery = default;
        while (delivery.ValueKind != JsonValueKind.Object)
        {
            await Task.Delay(250, cancellationToken);
            var listing = await sandbox.GetFromJsonAsync<JsonElement>("/merchant/webhooks", cancellationToken);
            delivery = listing
                .EnumerateArray()
                .FirstOrDefault(item =>
                    item.GetProperty("body").GetString()!.Contains(orderId, StringComparison.Ordinal)
                );
        }

        Assert.Equal("order.succeeded", delivery.GetProperty("type").GetString());
        Assert.True(delivery.GetProperty("signatureValid").GetBoolean());
        var headers = delivery.GetProperty("headers");
        Assert.Equal(delivery.GetProperty("id").GetString(), headers.GetProperty("webhook-id").GetString());
        Assert.True(
            long.TryParse(
                headers.GetProperty("webhook-timestamp").GetString(),
                NumberStyles.None,
                CultureInfo.InvariantCulture,
                out _
            )
        );
        Assert.StartsWith("v1,", headers.GetProperty("webhook-signature").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Opens the dashboard (the testing builder's URL signs the browser in when the dashboard asks for a login), waits
    /// for the three resources to run, and for the frame's trace to arrive with spans of the Server and the sandbox.
    /// </summary>
    private static async Task ScreenshotDashboardAsync(Uri dashboardUrl, string traceId)
    {
        var folder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        using var playwright = await Playwright.CreateAsync();
        await using var chromium = await playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions
            {
                ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
                Headless = true,
                Args = ChromiumArgs,
            }
        );
        var page = await chromium.NewPageAsync(
            new BrowserNewPageOptions
            {
                ViewportSize = new ViewportSize { Width = 1600, Height = 900 },
            }
        );
        var dashboard = dashboardUrl.GetLeftPart(UriPartial.Authority);

        await page.GotoAsync(dashboardUrl.AbsoluteUri);
        await page.GotoAsync($"{dashboard}/");
        await page.WaitForFunctionAsync(
            "() => ['azurite', 'sandbox', 'server'].every(name => document.body.innerText.includes(name))"
                + " && (document.body.innerText.match(/Running/g) || []).length >= 3",
            null,
            new PageWaitForFunctionOptions { Timeout = 60_000 }
        );
        var resources = Path.Combine(folder, "aspire-resources.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = resources });

        // The trace reaches the dashboard with the next OTLP batch: reload until its spans from both services show.
        var trace = Path.Combine(folder, "aspire-trace.png");
        var shown = false;
        for (var attempt = 0; attempt < 30 && !shown; attempt++)
        {
            await page.GotoAsync($"{dashboard}/traces/detail/{traceId}");
            await Task.Delay(1_000);
            var text = await page.InnerTextAsync("body");
            shown =
                text.Contains("huaweipin/frames", StringComparison.Ordinal)
                && text.Contains("sandbox", StringComparison.Ordinal);
        }

        Assert.True(shown, $"trace {traceId} never showed the frame request and the sandbox in the dashboard");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = trace });
        Assert.True(new FileInfo(resources).Length > 10_000);
        Assert.True(new FileInfo(trace).Length > 10_000);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Functions.sln not found above the test output folder.");
    }

    [GeneratedRegex("name=\"token\" value=\"([0-9a-f]+)\"")]
    private static partial Regex TokenInput();

    /// <summary>Free loopback ports for every listener of the stack, handed to the AppHost as its settings.</summary>
    private sealed class StackPorts
    {
        public int Server { get; } = FreePort.Next();
        public int Sandbox { get; } = FreePort.Next();
        private int Dashboard { get; } = FreePort.Next();
        private int Otlp { get; } = FreePort.Next();
        private int ResourceService { get; } = FreePort.Next();
        private int Blob { get; } = FreePort.Next();
        private int Queue { get; } = FreePort.Next();
        private int Table { get; } = FreePort.Next();

        public string[] Arguments(string azuriteFolder) =>
            [
                $"PAYMENTS_PORT={Server}",
                $"SANDBOX_PORT={Sandbox}",
                $"AZURITE_BLOB_PORT={Blob}",
                $"AZURITE_QUEUE_PORT={Queue}",
                $"AZURITE_TABLE_PORT={Table}",
                $"AZURITE_LOCATION={azuriteFolder}",
                $"ASPNETCORE_URLS=http://127.0.0.1:{Dashboard}",
                $"ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:{Otlp}",
                $"ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://127.0.0.1:{ResourceService}",
            ];
    }
}
