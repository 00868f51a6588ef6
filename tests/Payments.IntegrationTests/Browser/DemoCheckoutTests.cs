using Microsoft.Playwright;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Browser;

/// <summary>
/// The development demo page in a real browser (Debian's Chromium, installed by <c>scripts/test</c>): a HUAWEIPIN frame
/// and a HaiPay 3-D Secure collection paid through the sandbox's own pages, each order's status changing on the page.
/// </summary>
public sealed class DemoCheckoutTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
    ];

    [Fact]
    public async Task DemoPage_BothFlowsClickedThrough_StatusesTurnSucceeded()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite, environment: "Development");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(
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
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            }
        );
        var frameSection = page.Locator("#huaweipin");
        var cardSection = page.Locator("#haipay");

        await page.GotoAsync(new Uri(system.Server.BaseAddress, "/demo").AbsoluteUri);
        await page.ClickAsync("#create-frame");
        await Assertions.Expect(frameSection.Locator(".status")).ToHaveTextAsync("Pending");
        await page.FrameLocator("#huaweipin iframe").Locator("#pay").ClickAsync();
        await Assertions
            .Expect(frameSection.Locator(".status"))
            .ToHaveTextAsync("Succeeded", new() { Timeout = 20_000 });

        await page.ClickAsync("#create-collection");
        await Assertions.Expect(cardSection.Locator(".status")).ToHaveTextAsync("Pending");
        await page.FrameLocator("#haipay iframe").Locator("#approve").ClickAsync();
        await Assertions
            .Expect(cardSection.Locator(".status"))
            .ToHaveTextAsync("Succeeded", new() { Timeout = 20_000 });

        var frameOrder = await frameSection.Locator(".order-id").TextContentAsync();
        var cardOrder = await cardSection.Locator(".order-id").TextContentAsync();
        await system.WaitForStatusAsync(frameOrder!, "Succeeded");
        await system.WaitForStatusAsync(cardOrder!, "Succeeded");
        var screenshot = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots", "demo-checkout.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }

    [Theory]
    [InlineData("javascript:document.title='pwned'", true)]
    [InlineData("data:text/html,<script>parent.document.title='pwned'</script>", true)]
    [InlineData("http://127.0.0.1:9/pay", false)]
    public async Task DemoPage_ApiAnswersWithALinkThatIsNotHttps_TheFrameIsNotPointedAtIt(string link, bool allowHttp)
    {
        var settings = new Dictionary<string, string?> { ["Links:AllowHttp"] = allowHttp ? "true" : "false" };
        await using var system = await PaymentsSystem.StartAsync(azurite, settings, environment: "Development");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath(),
                Headless = true,
                Args = ChromiumArgs,
            }
        );
        var page = await browser.NewPageAsync();
        var answer = System.Text.Json.JsonSerializer.Serialize(
            new
            {
                orderId = "demo-link",
                status = "Pending",
                payUrl = link,
            }
        );
        await page.RouteAsync("**/api/haipay/collections", route => route.FulfillAsync(
                new RouteFulfillOptions
                {
                    Status = 201,
                    ContentType = "application/json",
                    Body = answer,
                }
            ));

        await page.GotoAsync(new Uri(system.Server.BaseAddress, "/demo").AbsoluteUri);
        var title = await page.TitleAsync();
        await page.ClickAsync("#create-collection");

        await Assertions.Expect(page.Locator("#haipay .link-refused")).ToBeVisibleAsync();
        Assert.Null(await page.Locator("#haipay iframe").GetAttributeAsync("src"));
        Assert.Equal(title, await page.TitleAsync());
    }

    [Fact]
    public async Task DemoPage_OutsideDevelopment_NotServed()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        using var client = system.Server.CreateAnonymousClient();

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/demo")).StatusCode);
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
