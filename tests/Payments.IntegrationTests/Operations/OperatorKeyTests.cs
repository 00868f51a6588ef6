using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Payments.Http.Endpoints;
using Payments.Http.Security;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Operations;

/// <summary>
/// The operator routes take an operator key (<c>OperatorKeys:Keys</c>; Functions: the master key) and nothing weaker: a
/// merchant's function key, in the header or as <c>?code=</c>, opens none of them, and an operator key opens no
/// merchant route.
/// </summary>
public sealed class OperatorKeyTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    public static TheoryData<string> OperatorRoutes() =>
        [.. ApiRoutes.All.Where(r => r.Access == AccessLevel.Operator).Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(OperatorRoutes))]
    public async Task OperatorRoute_FunctionKeyOrNoKeyOrWrongKey_401NothingDone(string name)
    {
        var route = ApiRoutes.All.Single(r => r.Name == name);
        var path =
            "/api/"
            + route
                .Route.Replace("{orderId}", "key-order", StringComparison.Ordinal)
                .Replace("{eventId}", "evt_00", StringComparison.Ordinal);
        var log = new StorageRequestLog();
        // Scheduled jobs pushed out of the test: a background run (the webhook dispatcher's due query) is storage
        // traffic the assertion would count.
        await using var server = await ServerHost.StartAsync(
            azurite,
            HandDrivenJobs.Settings(TimeProvider.System),
            services: log.Install
        );
        using var merchant = server.CreateMerchantClient();
        using var anonymous = server.CreateAnonymousClient();
        using var wrong = server.CreateAnonymousClient();
        wrong.DefaultRequestHeaders.Add("x-functions-key", ServerHost.OperatorKey + "x");
        log.Clear();

        var answers = new List<HttpStatusCode>();
        foreach (
            var (client, suffix) in new[]
            {
                (merchant, string.Empty),
                (anonymous, string.Empty),
                (wrong, string.Empty),
                (anonymous, $"?code={ServerHost.FunctionKey}"),
                (anonymous, $"?code={ServerHost.OperatorKey}"),
            }
        )
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), path + suffix);
            if (route.Method == "POST")
            {
                // Each route's own media type: routing answers another with 415 before any filter runs.
                request.Content =
                    route == ApiRoutes.ImportHuaweiPinExport
                        ? new StringContent("merchant_oid,amount,status,date\n", Encoding.UTF8, "text/csv")
                        : new StringContent("{}", Encoding.UTF8, "application/json");
            }

            answers.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a));
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task MerchantRoute_OperatorKey_401()
    {
        await using var server = await ServerHost.StartAsync(azurite);
        using var client = server.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("x-functions-key", ServerHost.OperatorKey);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/orders/key-order")).StatusCode);
    }

    [Fact]
    public async Task OperatorRoute_OperatorKey_Answered()
    {
        await using var server = await ServerHost.StartAsync(azurite);
        using var client = server.CreateOperatorClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/ops/attention?category=stale")).StatusCode);
    }

    [Theory]
    [InlineData("test-function-key")]
    [InlineData("short-operator-key")]
    public async Task Start_OperatorKeyAFunctionKeyOrShort_Refused(string key)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            ServerHost.StartAsync(azurite, new Dictionary<string, string?> { ["OperatorKeys:Keys:0"] = key })
        );

        Assert.Contains(OperatorKeyOptions.Section, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperatorRoute_NoOperatorKeyConfigured_Closed()
    {
        await using var server = await ServerHost.StartAsync(azurite, services: s =>
            s.PostConfigure<OperatorKeyOptions>(o => o.Keys.Clear())
        );
        using var client = server.CreateOperatorClient();

        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await client.GetAsync("/api/ops/attention?category=stale")).StatusCode
        );
    }
}
