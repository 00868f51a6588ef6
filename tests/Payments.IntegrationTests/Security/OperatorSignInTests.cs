using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Audit;
using Payments.Core.Orders;
using Payments.Http.Endpoints;
using Payments.Http.OperatorUi;
using Payments.Http.Security;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Security;

/// <summary>
/// <c>Operators:Authentication=EntraId</c> on both hosts: an operator route takes only the principal App Service
/// Authentication put in <c>X-MS-CLIENT-PRINCIPAL</c>, and only where the platform's authentication is on
/// (<c>WEBSITE_AUTH_ENABLED=True</c>, given here through <see cref="AppServiceAuthentication"/>'s environment seam);
/// a forged header is refused with nothing written. The principal needs the <c>Payments.Operator</c> role (else 403),
/// and its name and object id, never a typed name, are what the audit record keeps.
/// </summary>
public sealed class OperatorSignInTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    internal const string ObjectId = "2f1c7a9e-5b4d-4c3a-9e8f-0a1b2c3d4e5f";
    internal const string DisplayName = "Alice Operator";

    internal static readonly Dictionary<string, string?> EntraId = new()
    {
        ["Operators:Authentication"] = nameof(OperatorAuthenticationMode.EntraId),
    };

    public static TheoryData<string> OperatorRoutes() =>
        [.. ApiRoutes.All.Where(r => r.Access == AccessLevel.Operator).Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(OperatorRoutes))]
    public async Task Server_ForgedPrincipalWithRole_PlatformAuthenticationOff_401NothingRead(string name)
    {
        var route = ApiRoutes.All.Single(r => r.Name == name);
        var log = new StorageRequestLog();
        await using var server = await ServerHost.StartAsync(
            azurite,
            HandDrivenJobs.Settings(TimeProvider.System, EntraId),
            services: s =>
            {
                log.Install(s);
                s.AddSingleton<IPlatformAuthentication>(Platform(enabled: false));
            }
        );
        using var forged = server.CreateAnonymousClient();
        forged.DefaultRequestHeaders.Add(ClientPrincipal.Header, Principal(OperatorsOptions.OperatorRole));
        using var keyed = server.CreateOperatorClient();
        log.Clear();

        var answers = new List<(HttpStatusCode, string?)>();
        foreach (var client in new[] { forged, keyed })
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), "/api/" + Path(route));
            if (route.Method == "POST")
            {
                // Each route's own media type: routing answers another with 415 before any filter runs.
                request.Content =
                    route == ApiRoutes.ImportHuaweiPinExport
                        ? new StringContent("merchant_oid,amount,status,date\n", Encoding.UTF8, "text/csv")
                        : new StringContent(Resolution, Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            answers.Add((response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        }

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.Unauthorized, "application/problem+json"), a));
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task Functions_ForgedPrincipalWithRole_PlatformAuthenticationOff_401NothingWritten()
    {
        await using var worker = await StartWorkerAsync(platformOn: false);
        await NeedsReviewAsync(worker.Services, "sign-forged");

        var answer = await worker.SendAsync(Resolve("sign-forged", Principal(OperatorsOptions.OperatorRole)));

        Assert.Equal(401, answer.Status);
        Assert.Equal("unauthorized", JsonDocument.Parse(answer.Body).RootElement.GetProperty("code").GetString());
        Assert.Equal(
            OrderStatus.NeedsReview,
            (await Orders(worker.Services).FindAsync("sign-forged", default))!.Value.Status
        );
        Assert.DoesNotContain(await AuditAsync(worker.Services, "sign-forged"), r => AuditKinds.IsOperator(r.Kind));
    }

    [Fact]
    public async Task Functions_PlatformPrincipalWithRole_ResolutionRecordNamesThePrincipalNotTheTypedName()
    {
        await using var worker = await StartWorkerAsync(platformOn: true);
        await NeedsReviewAsync(worker.Services, "sign-resolve");

        var answer = await worker.SendAsync(Resolve("sign-resolve", Principal(OperatorsOptions.OperatorRole)));

        Assert.Equal(200, answer.Status);
        var record = Assert.Single(await AuditAsync(worker.Services, "sign-resolve"), r =>
            r.Kind == AuditKinds.OperatorResolution
        );
        Assert.Equal((DisplayName, ObjectId, "entra-id"), Who(record));
    }

    [Fact]
    public async Task Server_PlatformPrincipalWithRole_ResolutionRecordNamesThePrincipal()
    {
        await using var server = await StartServerAsync(platformOn: true);
        await NeedsReviewAsync(server.Services, "sign-server");
        using var client = server.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(ClientPrincipal.Header, Principal(OperatorsOptions.OperatorRole));

        using var response = await client.PostAsync(
            "/api/ops/orders/sign-server/resolution",
            new StringContent(
                """{"decision":"Failed","note":"unpaid","evidence":"manual-override"}""",
                Encoding.UTF8,
                "application/json"
            )
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = Assert.Single(await AuditAsync(server.Services, "sign-server"), r =>
            r.Kind == AuditKinds.OperatorResolution
        );
        Assert.Equal((DisplayName, ObjectId, "entra-id"), Who(record));
    }

    [Fact]
    public async Task Server_OperatorKeyMode_RecordNamesTheTypedNameAndTheKeyModeIgnoringAnyPrincipalHeader()
    {
        await using var server = await ServerHost.StartAsync(azurite, services: s =>
            s.AddSingleton<IPlatformAuthentication>(Platform(enabled: true))
        );
        await NeedsReviewAsync(server.Services, "sign-keyed");
        using var client = server.CreateOperatorClient();
        client.DefaultRequestHeaders.Add(ClientPrincipal.Header, Principal(OperatorsOptions.OperatorRole));

        using var response = await client.PostAsync(
            "/api/ops/orders/sign-keyed/resolution",
            new StringContent(Resolution, Encoding.UTF8, "application/json")
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = Assert.Single(await AuditAsync(server.Services, "sign-keyed"), r =>
            r.Kind == AuditKinds.OperatorResolution
        );
        Assert.Equal(("typed-name", null, "operator-key"), Who(record));
    }

    [Fact]
    public async Task Functions_PlatformPrincipalWithoutRole_403NothingWritten()
    {
        await using var worker = await StartWorkerAsync(platformOn: true);
        await NeedsReviewAsync(worker.Services, "sign-norole");

        var answer = await worker.SendAsync(Resolve("sign-norole", Principal("Payments.Reader")));

        Assert.Equal(403, answer.Status);
        Assert.Equal("forbidden", JsonDocument.Parse(answer.Body).RootElement.GetProperty("code").GetString());
        Assert.Equal(
            OrderStatus.NeedsReview,
            (await Orders(worker.Services).FindAsync("sign-norole", default))!.Value.Status
        );
        Assert.DoesNotContain(await AuditAsync(worker.Services, "sign-norole"), r => AuditKinds.IsOperator(r.Kind));
    }

    [Fact]
    public async Task Server_PlatformOnNoPrincipal_401WithTheSignInPath()
    {
        await using var server = await StartServerAsync(platformOn: true);
        using var client = server.CreateOperatorClient();

        using var response = await client.GetAsync("/api/ops/attention?category=stale");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(
            OperatorAuthentication.SignInPath,
            await response.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Console_SignedIn_NamesThePrincipalHtmlEncodedUnderTheKeysPagePolicy()
    {
        await using var server = await StartServerAsync(platformOn: true);
        var page = server.Services.GetRequiredService<OperatorConsolePage>();
        using var anonymous = server.CreateAnonymousClient();
        using var signedIn = server.CreateAnonymousClient();
        signedIn.DefaultRequestHeaders.Add(
            ClientPrincipal.Header,
            Principal(OperatorsOptions.OperatorRole, name: "<b>Ann & \"Bo\"</b>")
        );

        using var signedInPage = await signedIn.GetAsync("/api/ops/console");
        using var signInPage = await anonymous.GetAsync("/api/ops/console");

        var named = await signedInPage.Content.ReadAsStringAsync();
        var unnamed = await signInPage.Content.ReadAsStringAsync();
        Assert.Contains("data-auth=\"entra-id\"", named, StringComparison.Ordinal);
        Assert.Contains(
            "data-operator=\"&lt;b&gt;Ann &amp; &quot;Bo&quot;&lt;/b&gt;\"",
            named,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("<b>Ann", named, StringComparison.Ordinal);
        Assert.DoesNotContain("data-operator=", unnamed, StringComparison.Ordinal);
        Assert.Equal(
            OperatorAuthentication.SignInPath,
            WebUtility.HtmlDecode(Regex.Match(unnamed, "data-sign-in=\"([^\"]*)\"").Groups[1].Value)
        );
        Assert.All(new[] { signedInPage, signInPage }, r =>
            Assert.Equal(page.ContentSecurityPolicy, r.Headers.GetValues("Content-Security-Policy").Single())
        );
    }

    [Theory]
    [InlineData("True", true)]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void AppServiceAuthentication_OnlyWebsiteAuthEnabledTrue(string? value, bool enabled)
    {
        var platform = new AppServiceAuthentication(name => name == AppServiceAuthentication.Variable ? value : "True");

        Assert.Equal(enabled, platform.IsEnabled);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("eyJjbGFpbXMiOltdfQ==")]
    public void ClientPrincipal_UnreadableOrWithoutObjectId_None(string header) =>
        Assert.Null(ClientPrincipal.Read(header));

    private const string Resolution =
        """{"decision":"Failed","operator":"typed-name","note":"customer says unpaid","evidence":"manual-override"}""";

    private static string Path(ApiRoute route) =>
        route
            .Route.Replace("{orderId}", "sign-order", StringComparison.Ordinal)
            .Replace("{eventId}", "evt_00", StringComparison.Ordinal);

    internal static AppServiceAuthentication Platform(bool enabled) => new(_ => enabled ? "True" : null);

    internal static string Principal(string role, string name = DisplayName) =>
        Convert.ToBase64String(
            JsonSerializer.SerializeToUtf8Bytes(
                new
                {
                    auth_typ = "aad",
                    claims = new[]
                    {
                        new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = ObjectId },
                        new { typ = "name", val = name },
                        new { typ = "roles", val = role },
                    },
                    name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
                    role_typ = "roles",
                }
            )
        );

    private static FunctionRequest Resolve(string orderId, string principal) =>
        new("POST", $"/api/ops/orders/{orderId}/resolution", Resolution)
        {
            Headers = new Dictionary<string, string> { [ClientPrincipal.Header] = principal },
        };

    private Task<FunctionsWorker> StartWorkerAsync(bool platformOn) =>
        FunctionsWorker.StartAsync(azurite, TablePrefix.New(), EntraId, s =>
            s.AddSingleton<IPlatformAuthentication>(Platform(platformOn))
        );

    private Task<ServerHost> StartServerAsync(bool platformOn) =>
        ServerHost.StartAsync(azurite, new Dictionary<string, string?>(EntraId), s =>
            s.AddSingleton<IPlatformAuthentication>(Platform(platformOn))
        );

    private static IOrderRepository Orders(IServiceProvider services) =>
        services.GetRequiredService<IOrderRepository>();

    internal static async Task NeedsReviewAsync(IServiceProvider services, string id)
    {
        var updater = services.GetRequiredService<OrderUpdater>();
        await Orders(services).AddAsync(TestOrders.New(id, PaymentProvider.HaiPay), default);
        await updater.UpdateAsync(
            id,
            (o, now) => o.Accept("ref-" + id, TestLinks.Of("https://pay.example/" + id), null, now),
            default
        );
        await updater.UpdateAsync(id, (o, now) => o.GiveUpChecking(ReviewReason.ChecksExhausted, now), default);
    }

    private static async Task<List<AuditRecord>> AuditAsync(IServiceProvider services, string orderId) =>
        await services.GetRequiredService<IAuditLog>().ListAsync(orderId, default, default).ToListAsync();

    internal static (string?, string?, string?) Who(AuditRecord record)
    {
        using var payload = JsonDocument.Parse(record.Payload);
        var root = payload.RootElement;
        return (
            root.GetProperty("operator").GetString(),
            root.GetProperty("operatorObjectId").GetString(),
            root.GetProperty("authentication").GetString()
        );
    }
}
