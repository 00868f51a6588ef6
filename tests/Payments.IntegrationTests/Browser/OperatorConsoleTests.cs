using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Payments.Core.Audit;
using Payments.Core.Orders;
using Payments.Core.Text;
using Payments.IntegrationTests.Chaos;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HuaweiPin;

namespace Payments.IntegrationTests.Browser;

/// <summary>
/// The operator console (<c>/api/ops/console</c>) in a real browser (Debian's Chromium) over a running system: an order
/// the sandbox left in <c>NeedsReview</c> and its abandoned webhook are listed, the webhook replayed and the order
/// resolved by hand through the page, and every answer checked through the API and storage too.
/// </summary>
public sealed class OperatorConsoleTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string OperatorKey = ServerHost.OperatorKey;
    private const string OrderId = "oc-review";
    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;
    private static readonly string[] ChromiumArgs =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
    ];

    [Fact]
    public async Task Console_NeedsReviewOrderResolvedByManualOverride_GoneFromTheListAndOrderFailed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, _) => 500;
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["Webhooks:Url"] = receiver.Url.AbsoluteUri,
                ["Webhooks:RetrySchedule:0"] = "00:00:00.200",
                ["DeliverWebhooksSchedule"] = "*/1 * * * * *",
                ["Secrets:Webhooks-SigningSecret"] = receiver.Secret,
            }
        );
        await ReviewOrderAsync(system);
        await WaitForAbandonedAsync(system);
        await using var session = await ConsoleSession.OpenAsync(system);
        var page = session.Page;

        await page.FillAsync("#key", OperatorKey);
        await page.ClickAsync("#use-key");
        await page.FillAsync("#operator-name", "ops-alice");

        var row = page.Locator($"#attention-rows tr[data-order-id='{OrderId}']");
        await Assertions.Expect(row.Locator(".reason")).ToHaveTextAsync(ReviewReason.PayUrlUnknown.Name());
        await Assertions.Expect(row.Locator(".status")).ToHaveTextAsync("NeedsReview");
        await Assertions.Expect(page.Locator("#endpoint-url")).ToHaveTextAsync(receiver.Url.AbsoluteUri);
        await Assertions.Expect(page.Locator("#endpoint-state")).ToHaveTextAsync("enabled");

        await row.Locator("details.resolve summary").ClickAsync();
        await row.Locator("select[name=decision]").SelectOptionAsync("Failed");
        await row.Locator("select[name=evidence]").SelectOptionAsync("manual-override");
        await row.Locator("input[name=operator]").FillAsync("ops-alice");
        await row.Locator("textarea[name=note]")
            .FillAsync("The customer never got a link; HUAWEIPIN confirms nothing was paid (ticket 4711).");
        var webhook = page.Locator($"#webhook-rows tr[data-order-id='{OrderId}']");
        await Assertions.Expect(webhook.Locator("td").Nth(2)).ToHaveTextAsync("order.needs_review");
        await session.ScreenshotAsync("operator-console.png");

        receiver.Answer = (_, _) => 204;
        await webhook.Locator("button.replay").ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("queued for delivery again");
        await Assertions.Expect(webhook).ToHaveCountAsync(0);
        await receiver.WaitUntilAsync(accepted =>
            accepted.Any(d => d.OrderId == OrderId && d.Type == "order.needs_review")
        );
        await row.Locator("button.resolve-submit").ClickAsync();

        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync($"Order {OrderId} resolved: now Failed");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        Assert.Equal("Failed", (await system.WaitForStatusAsync(OrderId, "Failed")).GetProperty("status").GetString());
        var stored = await system.Server.Services.GetRequiredService<IOrderRepository>().FindAsync(OrderId, default);
        Assert.Equal(OrderStatus.Failed, stored?.Value.Status);
        var audit = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync(OrderId, default, default)
            .ToListAsync();
        var resolution = JsonDocument
            .Parse(Assert.Single(audit, a => a.Kind == AuditKinds.OperatorResolution).Payload)
            .RootElement;
        Assert.Equal(
            ("ops-alice", "manual-override", "Failed"),
            (
                resolution.GetProperty("operator").GetString(),
                resolution.GetProperty("evidence").GetString(),
                resolution.GetProperty("decision").GetString()
            )
        );
        var replay = JsonDocument
            .Parse(Assert.Single(audit, a => a.Kind == AuditKinds.OperatorWebhookReplay).Payload)
            .RootElement;
        Assert.Equal("ops-alice", replay.GetProperty("operator").GetString());
        await receiver.WaitUntilAsync(accepted => accepted.Any(d => d.OrderId == OrderId && d.Type == "order.failed"));
        Assert.Empty(session.PolicyViolations);
    }

    /// <summary>
    /// A signed success after the order expired: Succeeded, flagged, listed with an Acknowledge action (no Resolve).
    /// </summary>
    [Fact]
    public async Task Console_LateSuccessAcknowledged_GoneFromTheListStatusKeptAndAudited()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { notifications = false });
        await HaiPay.CollectionFlow.CreatedPayUrlAsync(system, "oc-late");
        var updater = system.Server.Services.GetRequiredService<OrderUpdater>();
        await updater.UpdateAsync("oc-late", (o, now) => o.Expire(now), default);
        var late = await updater.UpdateAsync(
            "oc-late",
            (o, now) => o.Apply(new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("2"), 12.50m), now),
            default
        );
        Assert.Equal(ReviewReason.SucceededAfterExpiry, late.Order!.ReviewReason);
        await using var session = await ConsoleSession.OpenAsync(system);
        var page = session.Page;

        await page.FillAsync("#key", OperatorKey);
        await page.ClickAsync("#use-key");
        var row = page.Locator("#attention-rows tr[data-order-id='oc-late']");
        await Assertions.Expect(row.Locator(".status")).ToHaveTextAsync("Succeeded");
        await Assertions.Expect(row.Locator(".reason")).ToHaveTextAsync(ReviewReason.SucceededAfterExpiry.Name());
        await Assertions.Expect(row.Locator("details.resolve")).ToHaveCountAsync(0);
        await row.Locator("details.acknowledge summary").ClickAsync();
        await row.Locator("input[name=operator]").FillAsync("ops-bob");
        await row.Locator("textarea[name=note]").FillAsync("Customer paid late; order fulfilled (ticket 4712).");
        await row.Locator("button.acknowledge-submit").ClickAsync();

        await Assertions
            .Expect(page.Locator("#notice"))
            .ToContainTextAsync("Order oc-late acknowledged: stays Succeeded");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        var stored = (
            await system.Server.Services.GetRequiredService<IOrderRepository>().FindAsync("oc-late", default)
        )!.Value;
        Assert.Equal((OrderStatus.Succeeded, "ops-bob"), (stored.Status, stored.ReviewAcknowledgedBy));
        var audit = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync("oc-late", default, default)
            .ToListAsync();
        Assert.Equal(
            "ops-bob",
            JsonDocument
                .Parse(Assert.Single(audit, a => a.Kind == AuditKinds.OperatorAcknowledgement).Payload)
                .RootElement.GetProperty("operator")
                .GetString()
        );
        Assert.Empty(session.PolicyViolations);
    }

    /// <summary>
    /// An order flagged for a partial collection opened from its row (amounts, reason), a resolution the provider
    /// refuses (what to do next shown), then decided by manual override; the name typed survives a reload; the day's
    /// close read with its totals, flagged entry and a 30-day chart of net per currency.
    /// </summary>
    [Fact]
    public async Task Console_DetailOpenedRefusedThenResolvedThenDailyClose_ChartHasOneBarGroupPerDayAndCurrency()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { notifications = false });
        var updater = system.Server.Services.GetRequiredService<OrderUpdater>();
        foreach (var id in new[] { "oc-paid-1", "oc-paid-2", "oc-partial" })
        {
            await HaiPay.CollectionFlow.CreatedPayUrlAsync(system, id);
        }

        var paid = new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("2"), 12.50m, Fee: 0.30m);
        await updater.UpdateAsync(
            "oc-paid-1",
            (o, now) => o.Settle(paid with { ReceivedAmount = 12.50m }, now),
            default
        );
        await updater.UpdateAsync(
            "oc-paid-2",
            (o, now) => o.Settle(paid with { ReceivedAmount = 12.50m }, now),
            default
        );
        var partial = new ProviderVerdict(
            OrderStatus.Pending,
            ProviderText.Of("4"),
            null,
            ReviewReason.PartialCollection,
            6.25m
        );
        await updater.UpdateAsync("oc-partial", (o, now) => o.Apply(partial, now), default);
        await using var session = await ConsoleSession.OpenAsync(system);
        var page = session.Page;
        await page.FillAsync("#key", OperatorKey);
        await page.ClickAsync("#use-key");
        await page.FillAsync("#operator-name", "ops-carol");
        await page.Locator("#operator-name").DispatchEventAsync("change");

        await page.Locator("#attention-rows tr[data-order-id='oc-partial'] button.open-detail").ClickAsync();

        var detail = page.Locator("#detail");
        await Assertions.Expect(detail).ToBeVisibleAsync();
        await Assertions.Expect(detail.Locator("dd[data-field=amount]")).ToHaveTextAsync("12.50");
        await Assertions.Expect(detail.Locator("dd[data-field=receivedAmount]")).ToHaveTextAsync("6.25");
        await Assertions.Expect(detail.Locator("dd[data-field=reviewReason]")).ToHaveTextAsync("partial-collection");
        await Assertions.Expect(detail.Locator("dd[data-field=providerReference]")).Not.ToHaveTextAsync("–");
        var actions = page.Locator("#detail-actions");
        await actions.Locator("select[name=decision]").SelectOptionAsync("Succeeded");
        await actions.Locator("select[name=evidence]").SelectOptionAsync("provider-answer");
        await actions.Locator("textarea[name=note]").FillAsync("HaiPay shows it paid (ticket 4713).");
        await actions.Locator("button.resolve-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#problem .problem-title")).ToContainTextAsync("(409)");
        await Assertions.Expect(page.Locator("#problem .next-step")).ToContainTextAsync("manual-override");
        await session.ScreenshotAsync("operator-console-refused.png");
        await actions.Locator("select[name=decision]").SelectOptionAsync("Failed");
        await actions.Locator("select[name=evidence]").SelectOptionAsync("manual-override");
        await actions
            .Locator("textarea[name=note]")
            .FillAsync("Only half arrived; refunded it at HaiPay (ticket 4713).");
        await actions.Locator("button.resolve-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("Order oc-partial resolved: now Failed");
        await Assertions.Expect(detail.Locator("dd[data-field=status]")).ToHaveTextAsync("Failed");
        await Assertions.Expect(page.Locator("#detail-audit-rows tr.item")).Not.ToHaveCountAsync(0);
        await session.ScreenshotAsync("operator-console-detail.png");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#operator-name")).ToHaveValueAsync("ops-carol");
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('payments.operatorKey')"));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.FillAsync("#close-day", today);
        await page.ClickAsync("#load-close");

        using var client = system.Server.CreateOperatorClient();
        var close = await client.GetFromJsonAsync<JsonElement>($"/api/ops/close/{today}");
        var nets = close
            .GetProperty("totals")
            .EnumerateArray()
            .GroupBy(t => t.GetProperty("currency").GetString()!)
            .ToDictionary(g => g.Key, g => g.Sum(t => decimal.Parse(t.GetProperty("net").GetString()!, Inv)));
        Assert.Equal(24.40m, nets["USD"]);
        var groups = page.Locator("#close-chart svg g.bar-group");
        await Assertions.Expect(groups).ToHaveCountAsync(30 * nets.Count);
        await Assertions.Expect(page.Locator("#close-total-rows tr.item")).ToHaveCountAsync(1);
        await Assertions
            .Expect(page.Locator("#close-flagged-rows tr.item button.open-detail"))
            .ToContainTextAsync("oc-partial");
        var days = await groups.EvaluateAllAsync<string[]>("gs => gs.map(g => g.dataset.day)");
        Assert.Equal(30, days.Distinct().Count());
        Assert.Equal(today, days.Max(StringComparer.Ordinal));
        var shown = await page.Locator($"#close-chart g.bar-group[data-day='{today}'][data-currency='USD']")
            .GetAttributeAsync("data-net");
        Assert.Equal(nets["USD"], decimal.Parse(shown!, Inv));
        await session.ScreenshotAsync("operator-console-close.png");
        Assert.Empty(session.PolicyViolations);
    }

    [Fact]
    public async Task Console_WrongKeyThenInvalidFilterThenPaged_ProblemWithEachInvalidFieldThenNextPageAppended()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        using (var anonymous = system.Server.CreateAnonymousClient())
        {
            foreach (
                var message in new[]
                {
                    ProviderMessages.Genuine("oc-nobody-hwp", OrderStatus.Succeeded, 40m, PaymentProvider.HuaweiPin),
                    ProviderMessages.Genuine("oc-nobody-hpy", OrderStatus.Succeeded, 12.5m, PaymentProvider.HaiPay),
                }
            )
            {
                using var body = new StringContent(message.Body, System.Text.Encoding.UTF8, "application/json");
                await anonymous.PostAsync(message.Path, body);
            }
        }

        await using var session = await ConsoleSession.OpenAsync(system);
        var page = session.Page;

        await page.FillAsync("#key", "not-the-operator-key");
        await page.ClickAsync("#use-key");
        await Assertions.Expect(page.Locator("#problem .problem-title")).ToContainTextAsync("(401)");

        await page.ClickAsync("#forget-key");
        await page.FillAsync("#key", OperatorKey);
        await page.ClickAsync("#use-key");
        await Assertions.Expect(page.Locator("#attention-rows td.empty")).ToHaveCountAsync(1);
        await page.SelectOptionAsync("#category", "stale");
        await page.FillAsync("#older-than", "yesterday");
        await page.FillAsync("#limit", "500");
        await page.ClickAsync("#load-attention");

        await Assertions.Expect(page.Locator("#problem .problem-title")).ToContainTextAsync("(400)");
        await Assertions.Expect(page.Locator("#problem li[data-field='olderThan']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#problem li[data-field='limit']")).ToHaveCountAsync(1);

        await page.FillAsync("#limit", "1");
        await page.SelectOptionAsync("#category", "unmatched-callbacks");
        var rows = page.Locator("#attention-rows tr.item");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#problem")).ToBeHiddenAsync();
        await page.ClickAsync("#attention-more");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        var listed = await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.orderId)");
        Assert.Equal(["oc-nobody-hpy", "oc-nobody-hwp"], listed.Order(StringComparer.Ordinal));
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('payments.operatorKey')"));
        Assert.DoesNotContain(OperatorKey, page.Url, StringComparison.Ordinal);
        Assert.Empty(session.PolicyViolations);
    }

    /// <summary>
    /// A HUAWEIPIN frame whose answer was lost and whose retry finds the order id used: <c>NeedsReview</c>
    /// (<c>pay-url-unknown</c>).
    /// </summary>
    private static async Task ReviewOrderAsync(PaymentsSystem system)
    {
        var body = new
        {
            orderId = OrderId,
            username = "customer-1",
            customerIp = "203.0.113.7",
        };
        await system.SetHuaweiPinFaultsAsync(new { getFrame = "lost" });
        Assert.Equal(System.Net.HttpStatusCode.BadGateway, (await FrameFlow.CreateFrameAsync(system, body)).StatusCode);
        await system.SetHuaweiPinFaultsAsync(new { getFrame = "none" });
        Assert.Equal(System.Net.HttpStatusCode.OK, (await FrameFlow.CreateFrameAsync(system, body)).StatusCode);
        await system.WaitForStatusAsync(OrderId, "NeedsReview");
    }

    /// <summary>
    /// Waits until the order's <c>order.needs_review</c> webhook, refused twice, is abandoned (as the operator API
    /// lists it).
    /// </summary>
    private static async Task WaitForAbandonedAsync(PaymentsSystem system)
    {
        using var client = system.Server.CreateOperatorClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var listed = await client.GetFromJsonAsync<JsonElement>("/api/ops/webhooks?state=abandoned&limit=50");
            if (listed.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("orderId").GetString() == OrderId))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the order's webhook was not abandoned");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Chromium on the console page, recording every Content-Security-Policy or Trusted Types complaint.
    /// </summary>
    private sealed class ConsoleSession : IAsyncDisposable
    {
        private readonly IPlaywright playwright;
        private readonly IBrowser browser;
        private readonly List<string> violations = [];

        private ConsoleSession(IPlaywright playwright, IBrowser browser, IPage page)
        {
            this.playwright = playwright;
            this.browser = browser;
            Page = page;
            page.Console += (_, message) =>
            {
                if (
                    message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                    || message.Text.Contains("Trusted Type", StringComparison.OrdinalIgnoreCase)
                )
                {
                    violations.Add(message.Text);
                }
            };
            page.PageError += (_, error) => violations.Add(error);
        }

        public IPage Page { get; }

        public IReadOnlyList<string> PolicyViolations => violations;

        public static async Task<ConsoleSession> OpenAsync(PaymentsSystem system)
        {
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(
                new BrowserTypeLaunchOptions
                {
                    ExecutablePath = ChromiumPath(),
                    Headless = true,
                    Args = ChromiumArgs,
                }
            );
            var page = await browser.NewPageAsync(
                new BrowserNewPageOptions
                {
                    ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
                }
            );
            var session = new ConsoleSession(playwright, browser, page);
            var response = await page.GotoAsync(new Uri(system.Server.BaseAddress, "/api/ops/console").AbsoluteUri);
            Assert.Equal(200, response?.Status);
            return session;
        }

        public async Task ScreenshotAsync(string name)
        {
            var path = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots", name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            Assert.True(new FileInfo(path).Length > 10_000);
        }

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }

        private static string ChromiumPath()
        {
            var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
            Assert.True(
                File.Exists(path),
                $"Chromium is not at {path}; scripts/test installs Debian's chromium package (or set CHROMIUM_PATH)."
            );
            return path;
        }
    }
}
