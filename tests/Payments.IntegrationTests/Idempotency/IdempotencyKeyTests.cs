using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Idempotency;
using Payments.Core.Secrets;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;

namespace Payments.IntegrationTests.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> header on merchant POSTs, through the Server, the HUAWEIPIN sandbox and Azurite.
/// </summary>
public sealed class IdempotencyKeyTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string Frames = "/api/huaweipin/frames";
    private const string Collections = "/api/haipay/collections";

    /// <summary>Passes Luhn, and shares its last four digits with <see cref="CollectionFlow.CardNumber"/>.</summary>
    private const string OtherCardSameLastFour = "4111111111145556";

    /// <summary>
    /// The sandbox's "slow" GetFrame answers after 1.5 s; the tests' usual 2 s provider timeout leaves too little room
    /// when twenty requests start a Server at once, so these tests give the provider call 10 s.
    /// </summary>
    private static readonly Dictionary<string, string?> SlowProviderSettings = new()
    {
        ["HuaweiPin:Timeout"] = "00:00:10",
    };

    [Theory]
    [InlineData(256)]
    [InlineData(1000)]
    public async Task CreateFrame_KeyLongerThan255_400NamingHeaderAndNothingWritten(int length)
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);

        var response = await PostAsync(system, Frames, new string('k', length), FrameBody("idem-long"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(
            (await response.Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("errors")
                .TryGetProperty("Idempotency-Key", out _)
        );
        Assert.Empty(await StorageScan.AllValuesAsync(system.Server));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("\"\"")]
    public async Task CreateFrame_MalformedKey_400(string key)
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        using var client = system.Server.CreateMerchantClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Frames) { Content = Json(FrameBody("idem-bad")) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await StorageScan.AllValuesAsync(system.Server));
    }

    [Fact]
    public async Task CreateFrame_KeyOf255_Accepted()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);

        var response = await PostAsync(system, Frames, new string('k', 255), FrameBody("idem-255"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task CreateFrame_SameKeySameBody_FirstResponseReplayedWithoutProviderCall()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var body = FrameBody("idem-replay");

        var first = await PostAsync(system, Frames, "key-replay", body);
        var second = await PostAsync(system, Frames, "\"key-replay\"", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(1, await GetFrameCallsAsync(system, "idem-replay"));
    }

    [Fact]
    public async Task CreateFrame_SameKeyDifferentBody_422()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await PostAsync(system, Frames, "key-mismatch", FrameBody("idem-a"));

        var response = await PostAsync(system, Frames, "key-mismatch", FrameBody("idem-b"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await GetFrameCallsAsync(system, "idem-b"));
    }

    [Fact]
    public async Task Post_SameKeyOnAnotherEndpoint_422()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var body = FrameBody("idem-endpoint");
        await PostAsync(system, Frames, "key-endpoint", body);

        var response = await PostAsync(system, "/api/orders/idem-endpoint/sync", "key-endpoint", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task CreateFrame_SameKeyWhileFirstInFlight_409WithRetryAfter()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite, SlowProviderSettings);
        await system.SetHuaweiPinFaultsAsync(new { getFrame = "slow" });
        var body = FrameBody("idem-inflight");

        var first = PostAsync(system, Frames, "key-inflight", body);
        await WaitForClaimAsync(system, "key-inflight");
        var second = await PostAsync(system, Frames, "key-inflight", body);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("1", second.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.Created, (await first).StatusCode);
        var third = await PostAsync(system, Frames, "key-inflight", body);
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
        Assert.True(third.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task CreateFrame_TwentyConcurrentWithOneKey_OneProviderCallOne201RestReplayedOr409()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite, SlowProviderSettings);
        await system.SetHuaweiPinFaultsAsync(new { getFrame = "slow" });
        var body = FrameBody("idem-twenty");

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 20).Select(_ => PostAsync(system, Frames, "key-twenty", body))
        );

        var originals = responses
            .Where(r => r.StatusCode == HttpStatusCode.Created && !r.Headers.Contains("Idempotent-Replayed"))
            .ToList();
        var original = Assert.Single(originals);
        var originalBody = await original.Content.ReadAsStringAsync();
        foreach (var other in responses.Where(r => r != original))
        {
            Assert.True(
                other.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Created,
                $"got {other.StatusCode}"
            );
            if (other.StatusCode == HttpStatusCode.Created)
            {
                Assert.Equal("true", other.Headers.GetValues("Idempotent-Replayed").Single());
                Assert.Equal(originalBody, await other.Content.ReadAsStringAsync());
            }
        }

        Assert.Equal(1, await GetFrameCallsAsync(system, "idem-twenty"));
    }

    [Fact]
    public async Task CreateFrame_ProviderDidNotAnswer_KeyReleasedAndRepeatRunsAgain()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHuaweiPinFaultsAsync(new { getFrame = "error" });
        var body = FrameBody("idem-retry");

        var failed = await PostAsync(system, Frames, "key-retry", body);
        await system.SetHuaweiPinFaultsAsync(new { getFrame = "none" });
        var repeated = await PostAsync(system, Frames, "key-retry", body);

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, repeated.StatusCode);
        Assert.False(repeated.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await GetFrameCallsAsync(system, "idem-retry")); // the 500 is answered before the sandbox reads the order id
        Assert.Equal(
            "Pending",
            (await system.WaitForStatusAsync("idem-retry", "Pending")).GetProperty("status").GetString()
        );
    }

    [Fact]
    public async Task CreateFrame_InvalidBodyWithKey_400AndNothingWritten()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);

        var response = await PostAsync(system, Frames, "key-invalid", new { username = "", customerIp = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await StorageScan.AllValuesAsync(system.Server));
    }

    [Fact]
    public async Task CreateFrame_WithoutKey_RunsAsBefore()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);

        var response = await FrameFlowPostAsync(system, FrameBody("idem-none"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));
    }

    /// <summary>
    /// Two cards that share their last four digits and expiry are two requests: the fingerprint tells them apart by a
    /// keyed digest of number and expiry, so the second card gets 422, never the first card's answer.
    /// </summary>
    [Fact]
    public async Task CreateCollection_SameKeyAnotherCardWithTheSameLastFourAndExpiry_422()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var first = CollectionFlow.Request("idem-card");
        var other = CollectionFlow.Request("idem-card");
        other["accountNo"] = OtherCardSameLastFour;
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(system, Collections, "k-card", first)).StatusCode);

        var response = await PostAsync(system, Collections, "k-card", other);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(OtherCardSameLastFour, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCollection_SameKeySameCard_FirstAnswerReplayed()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var first = await PostAsync(system, Collections, "k-same-card", CollectionFlow.Request("idem-same-card"));

        var second = await PostAsync(system, Collections, "k-same-card", CollectionFlow.Request("idem-same-card"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    /// <summary>The secret Idempotency-FingerprintKey is checked on start: blank is never a key.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("                                        ")]
    [InlineData("short-fingerprint-key")]
    public async Task Start_FingerprintKeyMissingBlankOrShort_RefusedNamingTheSecretNotTheValue(string value)
    {
        var settings = new Dictionary<string, string?> { ["Secrets:Idempotency-FingerprintKey"] = value };

        Exception? failure = null;
        try
        {
            await using var server = await ServerHost.StartAsync(azurite, settings);
        }
        catch (Exception e) when (e is InvalidOperationException or SecretNotFoundException)
        {
            failure = e;
        }

        Assert.NotNull(failure);
        Assert.Contains("Idempotency-FingerprintKey", failure.Message, StringComparison.Ordinal);
        if (value.Trim().Length > 0)
        {
            Assert.DoesNotContain(value, failure.Message, StringComparison.Ordinal);
        }
    }

    private static object FrameBody(string orderId) =>
        new
        {
            orderId,
            username = "customer-1",
            customerIp = "203.0.113.7",
        };

    private static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>
    /// Polls the store until a request has claimed <paramref name="key"/> (however long the machine takes to get
    /// there).
    /// </summary>
    private static async Task WaitForClaimAsync(PaymentsSystem system, string key)
    {
        var store = system.Server.Services.GetRequiredService<IIdempotencyStore>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await store.FindAsync(key, default) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no request claimed {key}");
            await Task.Delay(20);
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(
        PaymentsSystem system,
        string path,
        string key,
        object body
    )
    {
        using var client = system.Server.CreateMerchantClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async Task<HttpResponseMessage> FrameFlowPostAsync(PaymentsSystem system, object body)
    {
        using var client = system.Server.CreateMerchantClient();
        return await client.PostAsync(Frames, Json(body));
    }

    private static async Task<int> GetFrameCallsAsync(PaymentsSystem system, string orderId)
    {
        using var client = system.Sandbox.CreateClient();
        return (await client.GetFromJsonAsync<JsonElement>($"/huaweipin/_sandbox/getframe-calls/{orderId}"))
            .GetProperty("calls")
            .GetInt32();
    }
}
