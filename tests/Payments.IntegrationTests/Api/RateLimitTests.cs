using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Payments.Core.Orders;
using Payments.Http.RateLimiting;
using Payments.IntegrationTests.Chaos;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HuaweiPin;

namespace Payments.IntegrationTests.Api;

/// <summary>
/// The anonymous provider endpoints take at most <c>RateLimiting:PermitLimit</c> requests per
/// <c>RateLimiting:Window</c> from one client address, on the Server and in the Functions worker alike: the next is a
/// 429 problem+json with
/// <c>Retry-After</c> and changes nothing.
/// </summary>
public sealed class RateLimitTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const int Limit = 3;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["RateLimiting:PermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:Window"] = "01:00:00",
    };

    [Fact]
    public async Task Callback_OneMoreThanTheLimitFromOneAddress_429ProblemWithRetryAfterAndOrderUnchanged()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite, Settings);
        var ids = Enumerable.Range(0, Limit + 1).Select(i => $"rl-server-{i}").ToList();
        foreach (var id in ids)
        {
            await FrameFlow.CreatedIframeUrlAsync(system, id);
        }

        using var client = system.Server.CreateAnonymousClient();
        var answers = new List<HttpResponseMessage>();
        foreach (var id in ids)
        {
            var callback = ProviderMessages.Genuine(id, OrderStatus.Succeeded, 40m, PaymentProvider.HuaweiPin);
            answers.Add(
                await client.PostAsync(
                    callback.Path,
                    new StringContent(callback.Body, Encoding.UTF8, "application/json")
                )
            );
        }

        Assert.All(answers.Take(Limit), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var rejected = answers[Limit];
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        Assert.True(rejected.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        Assert.Equal(
            429,
            JsonDocument.Parse(await rejected.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32()
        );
        await system.WaitForStatusAsync(ids[0], "Succeeded");
        await system.WaitForStatusAsync(ids[Limit], "Pending");
        using var health = system.Server.CreateAnonymousClient();
        for (var i = 0; i <= Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await health.GetAsync("/api/health")).StatusCode);
        }
    }

    [Fact]
    public async Task NotifyInFunctions_OneMoreThanTheLimitFromOneAddress_429ProblemWithRetryAfterOtherAddressServed()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await using var worker = await FunctionsWorker.StartAsync(
            azurite,
            system.Server.TablePrefix,
            new Dictionary<string, string?>(system.Settings.Concat(Settings))
        );
        var unknown = ProviderMessages.HaiPay(
            "rl-missing",
            OrderStatus.Succeeded,
            12.50m,
            Payments.Core.HaiPay.HaiPayKeys.PrivateKey(PaymentsSystem.HaiPayKeys.PlatformPrivate),
            tamper: false
        );
        var one = IPAddress.Parse("198.51.100.7");
        var other = IPAddress.Parse("198.51.100.8");

        var answers = new List<FunctionResponse>();
        for (var i = 0; i <= Limit; i++)
        {
            answers.Add(
                await worker.SendAsync(new FunctionRequest("POST", unknown.Path, unknown.Body) { RemoteAddress = one })
            );
        }

        var fromOther = await worker.SendAsync(
            new FunctionRequest("POST", unknown.Path, unknown.Body) { RemoteAddress = other }
        );
        var health = await worker.SendAsync(new FunctionRequest("GET", "/api/health") { RemoteAddress = one });

        Assert.All(answers.Take(Limit), a => Assert.NotEqual(429, a.Status));
        var rejected = answers[Limit];
        Assert.Equal((429, "application/problem+json"), (rejected.Status, rejected.Headers.ContentType.ToString()));
        Assert.True(
            int.Parse(rejected.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) > 0
        );
        Assert.Equal(429, JsonDocument.Parse(rejected.Body).RootElement.GetProperty("status").GetInt32());
        Assert.Equal(answers[0].Status, fromOther.Status);
        Assert.Equal(200, health.Status);
    }

    [Fact]
    public async Task NotifyInFunctions_SpoofedForwardedForWithInfraSettings_NoExtraPermits()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var settings = new Dictionary<string, string?>(system.Settings);
        foreach (var (key, value) in InfraRateLimitSettings().Concat(Settings))
        {
            settings[key] = value;
        }
        await using var worker = await FunctionsWorker.StartAsync(azurite, system.Server.TablePrefix, settings);
        Assert.Equal(
            ForwardedHeaders.All,
            worker.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value.ForwardedHeaders
        );
        var unknown = ProviderMessages.HaiPay(
            "rl-spoof-missing",
            OrderStatus.Succeeded,
            12.50m,
            Payments.Core.HaiPay.HaiPayKeys.PrivateKey(PaymentsSystem.HaiPayKeys.PlatformPrivate),
            tamper: false
        );

        // The Functions host forwards from loopback and appends the address it saw; the client chose everything before
        // it.
        var answers = new List<FunctionResponse>();
        for (var i = 0; i <= Limit; i++)
        {
            answers.Add(
                await worker.SendAsync(
                    new FunctionRequest("POST", unknown.Path, unknown.Body)
                    {
                        Headers = new Dictionary<string, string> { ["X-Forwarded-For"] = $"6.6.6.{i}, 203.0.113.9" },
                    }
                )
            );
        }

        var fromOther = await worker.SendAsync(
            new FunctionRequest("POST", unknown.Path, unknown.Body)
            {
                Headers = new Dictionary<string, string> { ["X-Forwarded-For"] = "6.6.6.0, 203.0.113.10" },
            }
        );

        Assert.All(answers.Take(Limit), a => Assert.NotEqual(429, a.Status));
        Assert.Equal(429, answers[Limit].Status);
        Assert.Equal(answers[0].Status, fromOther.Status);
    }

    [Fact]
    public async Task Start_ClientAddressHeaderClientsCanAppendTo_RefusedOnStart()
    {
        var services = new ServiceCollection();
        services.AddAnonymousRateLimiter(
            new ConfigurationBuilder()
                .AddInMemoryCollection(
                    new Dictionary<string, string?> { ["RateLimiting:ClientAddressHeader"] = "x-forwarded-for" }
                )
                .Build()
        );
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() =>
            provider.GetRequiredService<IOptions<RateLimitingOptions>>().Value
        );

        Assert.Contains("ClientAddressHeader", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The <c>RateLimiting__*</c> app settings infra gives the Function App.</summary>
    private static IEnumerable<KeyValuePair<string, string?>> InfraRateLimitSettings() =>
        Regex
            .Matches(
                File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "modules", "resources.bicep")),
                @"^\s*RateLimiting__(\w+): '([^']*)'",
                RegexOptions.Multiline
            )
            .Select(m => KeyValuePair.Create($"RateLimiting:{m.Groups[1].Value}", (string?)m.Groups[2].Value));
}
