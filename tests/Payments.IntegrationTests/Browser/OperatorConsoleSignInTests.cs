using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Payments.Core.Audit;
using Payments.Http.Security;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.Security;

namespace Payments.IntegrationTests.Browser;

/// <summary>
/// The operator console in Chromium where operators sign in with Entra ID (<c>Operators:Authentication=EntraId</c>,
/// the platform's authentication on; the browser sends the principal header the platform would add): it names who is
/// signed in, asks for no key and no name, resolves an order whose record names the principal, and offers the sign-in
/// link to a visitor who is not signed in; the page's policy is never violated.
/// </summary>
public sealed class OperatorConsoleSignInTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string OrderId = "oc-signed";

    [Fact]
    public async Task Console_SignedIn_NoKeyNoNameAndTheResolutionRecordNamesThePrincipal()
    {
        await using var server = await ServerHost.StartAsync(
            azurite,
            new Dictionary<string, string?>(OperatorSignInTests.EntraId),
            s => s.AddSingleton<IPlatformAuthentication>(OperatorSignInTests.Platform(enabled: true))
        );
        await OperatorSignInTests.NeedsReviewAsync(server.Services, OrderId);
        await using var browser = await Chromium.LaunchAsync();
        var principal = OperatorSignInTests.Principal(OperatorsOptions.OperatorRole);
        var (page, violations) = await Chromium.OpenAsync(
            browser.Browser,
            new Uri(server.BaseAddress, "/api/ops/console"),
            new Dictionary<string, string> { [ClientPrincipal.Header] = principal }
        );

        await Assertions.Expect(page.Locator("#signed-in-name")).ToHaveTextAsync(OperatorSignInTests.DisplayName);
        await Assertions.Expect(page.Locator("#key-form")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#operator-line")).ToBeHiddenAsync();
        var row = page.Locator($"#attention-rows tr[data-order-id='{OrderId}']");
        await row.Locator("details.resolve summary").ClickAsync();
        await Assertions.Expect(row.Locator("input[name=operator]")).ToHaveCountAsync(0);
        await row.Locator("select[name=decision]").SelectOptionAsync("Failed");
        await row.Locator("select[name=evidence]").SelectOptionAsync("manual-override");
        await row.Locator("textarea[name=note]").FillAsync("customer says unpaid");
        await row.Locator("button.resolve-submit").ClickAsync();

        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync($"Order {OrderId} resolved: now Failed");
        var audit = await server
            .Services.GetRequiredService<IAuditLog>()
            .ListAsync(OrderId, default, default)
            .ToListAsync();
        Assert.Equal(
            (OperatorSignInTests.DisplayName, OperatorSignInTests.ObjectId, "entra-id"),
            OperatorSignInTests.Who(Assert.Single(audit, a => a.Kind == AuditKinds.OperatorResolution))
        );
        Assert.Empty(violations);
    }

    [Fact]
    public async Task Console_NotSignedIn_SignInLinkBackToTheConsole()
    {
        await using var server = await ServerHost.StartAsync(
            azurite,
            new Dictionary<string, string?>(OperatorSignInTests.EntraId),
            s => s.AddSingleton<IPlatformAuthentication>(OperatorSignInTests.Platform(enabled: true))
        );
        await using var browser = await Chromium.LaunchAsync();
        var (page, violations) = await Chromium.OpenAsync(
            browser.Browser,
            new Uri(server.BaseAddress, "/api/ops/console"),
            new Dictionary<string, string>()
        );

        await Assertions
            .Expect(page.Locator("#sign-in"))
            .ToHaveAttributeAsync("href", OperatorAuthentication.SignInPath);
        await Assertions.Expect(page.Locator("#key-form")).ToBeHiddenAsync();
        Assert.Empty(violations);
    }

    /// <summary>Debian's Chromium, headless, with every policy complaint of a page recorded.</summary>
    private sealed class Chromium : IAsyncDisposable
    {
        private readonly IPlaywright playwright;

        private Chromium(IPlaywright playwright, IBrowser browser)
        {
            this.playwright = playwright;
            Browser = browser;
        }

        public IBrowser Browser { get; }

        public static async Task<Chromium> LaunchAsync()
        {
            var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
            Assert.True(File.Exists(path), $"Chromium is not at {path}; scripts/test installs it.");
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(
                new BrowserTypeLaunchOptions
                {
                    ExecutablePath = path,
                    Headless = true,
                    Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
                }
            );
            return new Chromium(playwright, browser);
        }

        /// <summary>The page at <paramref name="url"/>, every request carrying <paramref name="headers"/>.</summary>
        public static async Task<(IPage Page, List<string> Violations)> OpenAsync(
            IBrowser browser,
            Uri url,
            Dictionary<string, string> headers
        )
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ExtraHTTPHeaders = headers });
            var violations = new List<string>();
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
            var response = await page.GotoAsync(url.AbsoluteUri);
            Assert.Equal(200, response?.Status);
            return (page, violations);
        }

        public async ValueTask DisposeAsync()
        {
            await Browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
