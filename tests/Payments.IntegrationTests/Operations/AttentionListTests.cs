using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Audit;
using Payments.Core.Orders;
using Payments.Core.Text;
using Payments.IntegrationTests.Chaos;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Operations;

/// <summary>
/// <c>GET api/ops/attention</c>: what needs a person, from the attention index written with each change (never a scan),
/// a page at a time.
/// </summary>
public sealed class AttentionListTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task ListAttention_NeedsReviewOrders_OldestFirstByReasonAndGoneOnceResolved()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.PendingAsync("att-pending");
        await ops.NeedsReviewAsync("att-b", ReviewReason.ChecksExhausted);
        ops.Clock.Advance(TimeSpan.FromMinutes(1));
        await ops.NeedsReviewAsync("att-a", ReviewReason.ProviderHasNoRecord);
        ops.Clock.Advance(TimeSpan.FromMinutes(1));
        await ops.NeedsReviewAsync("att-c", ReviewReason.ChecksExhausted);

        var all = (await ops.GetJsonAsync("/api/ops/attention?category=needs-review")).GetProperty("items");
        var exhausted = await ops.GetJsonAsync("/api/ops/attention?category=needs-review&reason=checks-exhausted");

        Assert.Equal(["att-b", "att-a", "att-c"], OpsServer.OrderIds(all.EnumerateArray()));
        Assert.Equal(["att-b", "att-c"], OpsServer.OrderIds(exhausted.GetProperty("items").EnumerateArray()));
        var first = all[0];
        Assert.Equal("needs-review", first.GetProperty("category").GetString());
        Assert.Equal("haipay", first.GetProperty("provider").GetString());
        Assert.Equal("NeedsReview", first.GetProperty("status").GetString());
        Assert.Equal("checks-exhausted", first.GetProperty("reason").GetString());
        Assert.Equal("12.50", first.GetProperty("amount").GetString());
        Assert.Equal("USD", first.GetProperty("currency").GetString());
        Assert.Equal(TestOrders.Now, first.GetProperty("since").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, exhausted.GetProperty("continuation").ValueKind);

        var resolved = await ops.PostAsync(
            "/api/ops/orders/att-b/resolution",
            """{"decision":"Failed","operator":"alice@shop.example","note":"customer confirmed nothing was paid","evidence":"manual-override"}"""
        );
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal(
            ["att-a", "att-c"],
            OpsServer.OrderIds(await ops.AllItemsAsync("/api/ops/attention?category=needs-review"))
        );
        Assert.Equal(
            ["att-c"],
            OpsServer.OrderIds(
                await ops.AllItemsAsync("/api/ops/attention?category=needs-review&reason=checks-exhausted")
            )
        );
    }

    [Fact]
    public async Task ListAttention_LimitAndContinuation_EveryItemOnceInOrder()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        var ids = Enumerable.Range(0, 7).Select(i => $"page-{i}").ToList();
        foreach (var id in ids)
        {
            await ops.NeedsReviewAsync(id);
            ops.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var firstPage = await ops.GetJsonAsync("/api/ops/attention?category=needs-review&limit=3");
        var all = await ops.AllItemsAsync("/api/ops/attention?category=needs-review&limit=3");

        Assert.Equal(3, firstPage.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.String, firstPage.GetProperty("continuation").ValueKind);
        Assert.Equal(ids, OpsServer.OrderIds(all));
    }

    [Fact]
    public async Task ListAttention_Stale_OnlyCreatedOrUnknownLongerThanAsked()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.Orders.AddAsync(TestOrders.New("stale-created"), default);
        await ops.Orders.AddAsync(TestOrders.New("stale-unknown"), default);
        await ops.Updater.UpdateAsync(
            "stale-unknown",
            (o, now) => o.MarkUnknown(ProviderText.Of("timeout"), null, now),
            default
        );
        await ops.PendingAsync("stale-accepted");
        ops.Clock.Advance(TimeSpan.FromHours(30));
        await ops.Orders.AddAsync(
            TestOrders.New("stale-young") with
            {
                CreatedAt = ops.Clock.GetUtcNow(),
                UpdatedAt = ops.Clock.GetUtcNow(),
            },
            default
        );

        var byDefault = await ops.AllItemsAsync("/api/ops/attention?category=stale");
        var twelveHours = await ops.AllItemsAsync("/api/ops/attention?category=stale&olderThan=PT12H");
        var twoDays = await ops.AllItemsAsync("/api/ops/attention?category=stale&olderThan=2.00:00:00");

        Assert.Equal(["stale-created", "stale-unknown"], OpsServer.OrderIds(byDefault));
        Assert.Equal(["Created", "Unknown"], byDefault.Select(i => i.GetProperty("status").GetString()));
        Assert.Equal("timeout", byDefault[1].GetProperty("detail").GetString());
        Assert.Equal(TestOrders.Now, byDefault[0].GetProperty("since").GetDateTimeOffset());
        Assert.Equal(["stale-created", "stale-unknown"], OpsServer.OrderIds(twelveHours));
        Assert.Empty(twoDays);
    }

    /// <summary>
    /// The listing's storage requests are one index query and one read per listed order, the same with 60 other orders
    /// as with 360 (each went through Created, the stale index, then Pending or a final state): no request reads the
    /// order table as a whole.
    /// </summary>
    [Fact]
    public async Task ListAttention_StorageRequests_SameWhateverTheNumberOfOtherOrders()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        for (var i = 0; i < 4; i++)
        {
            await ops.NeedsReviewAsync($"scan-review-{i}");
        }

        await ops.Orders.AddAsync(TestOrders.New("scan-stale"), default);
        await SeedOthersAsync(ops, "scan-a", 60);
        ops.Clock.Advance(TimeSpan.FromDays(2));
        var before = await RequestsAsync(ops);

        await SeedOthersAsync(ops, "scan-b", 300);
        var after = await RequestsAsync(ops);

        Assert.Equal(before, after);
        Assert.Equal(1 + 4, before["needs-review"].Count);
        Assert.Equal(1 + 1, before["stale"].Count);
        Assert.Single(before["unmatched-callbacks"]);
        Assert.All(before.Values.SelectMany(r => r), r => Assert.DoesNotMatch(@"orders\(\)$", r));
        Assert.All(before.Values.SelectMany(r => r), r => Assert.StartsWith("GET ", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListAttention_RowLeftBehindByACrash_KeptWhileItsWriteMayLandThenDroppedWhenRead()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        var stored = (await ops.Orders.AddAsync(TestOrders.New("crash-review"), default)).Order;
        var flagged = stored.Value.GiveUpChecking(ReviewReason.ChecksExhausted, ops.Clock.GetUtcNow()).Order;
        await ops.Updater.UpdateAsync(
            "crash-review",
            (o, now) => o.ScheduleNextCheck(null, ProviderText.Of("another writer"), now),
            default
        );

        // The index row is written, then the order write loses (as after a crash, or another writer first): no order
        // needs review.
        Assert.Null(await ops.Orders.TryReplaceAsync(stored, flagged, default));
        ops.Log.Clear();
        var inFlight = await ops.AllItemsAsync("/api/ops/attention?category=needs-review");
        var kept = ops.Log.Requests.Count;
        ops.Clock.Advance(WriteInFlight.Grace);
        var first = await ops.AllItemsAsync("/api/ops/attention?category=needs-review");
        ops.Log.Clear();
        var second = await ops.AllItemsAsync("/api/ops/attention?category=needs-review");

        Assert.Empty(inFlight);
        Assert.Equal(2, kept);
        Assert.Empty(first);
        Assert.Empty(second);
        Assert.Single(ops.Log.Requests);
    }

    [Fact]
    public async Task ListAttention_UnmatchedAndUnverifiedCallbacks_NewestFirstWithWhatArrived()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        using var anonymous = system.Server.CreateAnonymousClient();
        using var ops = system.Server.CreateOperatorClient();
        var huaweiPin = ProviderMessages.Genuine(
            "cb-nobody-hwp",
            OrderStatus.Succeeded,
            40m,
            PaymentProvider.HuaweiPin
        );
        var haiPay = ProviderMessages.Genuine("cb-nobody-hpy", OrderStatus.Succeeded, 12.5m, PaymentProvider.HaiPay);
        var forged = ProviderMessages.HaiPay(
            "cb-forged-hpy",
            OrderStatus.Succeeded,
            12.5m,
            Payments.Core.HaiPay.HaiPayKeys.PrivateKey(PaymentsSystem.HaiPayKeys.PlatformPrivate),
            tamper: true
        );
        foreach (var message in new[] { huaweiPin, haiPay, forged })
        {
            using var body = new StringContent(message.Body, System.Text.Encoding.UTF8, "application/json");
            await anonymous.PostAsync(message.Path, body);
            await Task.Delay(20);
        }

        var unmatched = (
            await ops.GetFromJsonAsync<JsonElement>("/api/ops/attention?category=unmatched-callbacks")
        ).GetProperty("items");
        var unverified = (
            await ops.GetFromJsonAsync<JsonElement>("/api/ops/attention?category=unverified-callbacks")
        ).GetProperty("items");

        Assert.Equal(["cb-nobody-hpy", "cb-nobody-hwp"], OpsServer.OrderIds(unmatched.EnumerateArray()));
        Assert.Equal(
            ["haipay", "huaweipin"],
            unmatched.EnumerateArray().Select(i => i.GetProperty("provider").GetString())
        );
        Assert.Equal("40.00", unmatched[1].GetProperty("amount").GetString());
        Assert.Equal("success", unmatched[1].GetProperty("status").GetString());
        var summary = Assert.Single(unverified.EnumerateArray());
        Assert.Equal("haipay", summary.GetProperty("provider").GetString());
        Assert.Contains("failed check", summary.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAttention_UnmatchedCallbackPastTheAuditRetention_NoLongerListed()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        var audit = ops.Services.GetRequiredService<IAuditLog>();
        await audit.RecordAsync(
            new AuditRecord(
                null,
                AuditKinds.CallbackUnmatched,
                """{"orderId":"old-unknown","status":"2"}""",
                ops.Clock.GetUtcNow()
            ),
            default
        );
        ops.Clock.Advance(TimeSpan.FromDays(399));
        await audit.RecordAsync(
            new AuditRecord(
                null,
                AuditKinds.CallbackUnmatched,
                """{"orderId":"new-unknown","status":"3"}""",
                ops.Clock.GetUtcNow()
            ),
            default
        );

        var within = await ops.AllItemsAsync("/api/ops/attention?category=unmatched-callbacks");
        ops.Clock.Advance(TimeSpan.FromDays(2));
        var after = await ops.AllItemsAsync("/api/ops/attention?category=unmatched-callbacks");

        Assert.Equal(["new-unknown", "old-unknown"], OpsServer.OrderIds(within));
        Assert.Equal(["new-unknown"], OpsServer.OrderIds(after));
    }

    [Theory]
    [InlineData("", "category")]
    [InlineData("?category=everything", "category")]
    [InlineData("?category=needs-review&category=stale", "category")]
    [InlineData("?category=stale&olderThan=yesterday", "olderThan")]
    [InlineData("?category=stale&olderThan=-1.00:00:00", "olderThan")]
    [InlineData("?category=needs-review&olderThan=P1D", "olderThan")]
    [InlineData("?category=stale&reason=checks-exhausted", "reason")]
    [InlineData("?category=stale&limit=0", "limit")]
    [InlineData("?category=stale&limit=201", "limit")]
    [InlineData("?category=stale&limit=ten", "limit")]
    [InlineData("?category=stale&continuation=not-ours", "continuation")]
    public async Task ListAttention_BadQuery_400NamingTheField(string query, string field)
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        using var client = ops.Host.CreateOperatorClient();
        ops.Log.Clear();

        var response = await client.GetAsync("/api/ops/attention" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors: {errors}");
        Assert.Empty(ops.Log.Requests);
    }

    [Fact]
    public async Task ListAttention_SeveralBadFields_400NamingEach()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        using var client = ops.Host.CreateOperatorClient();

        var response = await client.GetAsync(
            "/api/ops/attention?category=stale&olderThan=P&limit=999&continuation=%%%"
        );

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["continuation", "limit", "olderThan"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal)
        );
    }

    private static async Task<Dictionary<string, List<string>>> RequestsAsync(OpsServer ops)
    {
        var requests = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var category in new[] { "needs-review", "stale", "unmatched-callbacks" })
        {
            ops.Log.Clear();
            await ops.GetJsonAsync($"/api/ops/attention?category={category}&limit=200");
            requests[category] = [.. ops.Log.Requests];
        }

        return requests;
    }

    /// <summary>Orders that need nobody: each created (indexed stale), then accepted, half of them then paid.</summary>
    private static async Task SeedOthersAsync(OpsServer ops, string prefix, int count)
    {
        var audit = ops.Services.GetRequiredService<IAuditLog>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) =>
            {
                var id = $"{prefix}-{i}";
                await ops.PendingAsync(id);
                if (i % 2 == 0)
                {
                    await ops.Updater.UpdateAsync(
                        id,
                        (o, now) =>
                            o.Settle(new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("2"), 12.50m), now),
                        default
                    );
                    await audit.RecordAsync(
                        new AuditRecord(id, AuditKinds.CallbackApplied, "{}", ops.Clock.GetUtcNow()),
                        default
                    );
                }
            }
        );
    }
}
