using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Payments.Http.Security;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Security;

/// <summary>
/// Where operators sign in with Entra ID, the browser of a signed-in operator sends App Service Authentication's
/// session cookie with every request to the app, and the platform turns it into the principal header. A page on another
/// site can make that browser send a bodiless POST (an auto-submitted empty form: no preflight), so the principal alone
/// must not make an operator action: a cross-site operator POST is refused with nothing done.
/// </summary>
public sealed class CrossSiteOperatorRequestTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string Attacker = "https://attacker.example";

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TheoryData<string> BodilessOperatorPosts() =>
        ["ops/webhooks/endpoint/enable", "ops/sync", "ops/reconciliation/haipay/{today}?again=true"];

    [Theory]
    [MemberData(nameof(BodilessOperatorPosts))]
    public async Task Functions_CrossSiteEmptyFormPost_SignedInOperator_403(string route)
    {
        await using var worker = await FunctionsWorker.StartAsync(
            azurite,
            TablePrefix.New(),
            OperatorSignInTests.EntraId,
            s => s.AddSingleton<IPlatformAuthentication>(OperatorSignInTests.Platform(enabled: true))
        );

        var answer = await worker.SendAsync(
            new FunctionRequest(
                "POST",
                "/api/" + route.Replace("{today}", Today, StringComparison.Ordinal),
                string.Empty,
                "application/x-www-form-urlencoded"
            )
            {
                Headers = CrossSite(),
            }
        );

        Assert.Equal(403, answer.Status);
    }

    [Fact]
    public async Task Server_CrossSiteReconciliationPost_SignedInOperator_403NoRunRecorded()
    {
        await using var server = await ServerHost.StartAsync(
            azurite,
            new Dictionary<string, string?>(OperatorSignInTests.EntraId),
            s => s.AddSingleton<IPlatformAuthentication>(OperatorSignInTests.Platform(enabled: true))
        );
        using var browser = server.CreateAnonymousClient();
        foreach (var (name, value) in CrossSite())
        {
            browser.DefaultRequestHeaders.Add(name, value);
        }

        using var forged = await browser.PostAsync($"/api/ops/reconciliation/haipay/{Today}?again=true", null);
        using var console = server.CreateAnonymousClient();
        console.DefaultRequestHeaders.Add(
            ClientPrincipal.Header,
            OperatorSignInTests.Principal(OperatorsOptions.OperatorRole)
        );
        using var run = await console.GetAsync($"/api/ops/reconciliation/haipay/{Today}");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NotFound), (forged.StatusCode, run.StatusCode));
    }

    /// <summary>What the platform and the browser put on a forged request: the operator's principal (from the session
    /// cookie) and the attacker page's origin.</summary>
    private static Dictionary<string, string> CrossSite() =>
        new()
        {
            [ClientPrincipal.Header] = OperatorSignInTests.Principal(OperatorsOptions.OperatorRole),
            ["Origin"] = Attacker,
            ["Referer"] = Attacker + "/",
            ["Sec-Fetch-Site"] = "cross-site",
            ["Sec-Fetch-Mode"] = "navigate",
        };
}
