using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Ledger;
using Payments.Core.Orders;
using Payments.Core.Text;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.Operations;

namespace Payments.IntegrationTests.Close;

/// <summary>
/// <c>GET api/ops/close/{day}</c> on the Server over Azurite: the day's figures from the ledger the order writes made
/// (JSON and CSV), flagged items with both amounts, a row whose order write failed left out, bad input named.
/// </summary>
public sealed class DailyCloseRouteTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private static ProviderVerdict Paid(decimal received, decimal fee) =>
        new(OrderStatus.Succeeded, ProviderText.Of("2"), 12.50m, ReceivedAmount: received, Fee: fee);

    [Fact]
    public async Task Close_DayOfPaymentsAndAFlag_TotalsFromTheLedger()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.PendingAsync("close-a");
        await ops.PendingAsync("close-b");
        await ops.PendingAsync("close-c", PaymentProvider.HuaweiPin);
        await ops.PendingAsync("close-d");
        ops.Clock.Advance(TimeSpan.FromMinutes(5));
        await ops.Updater.UpdateAsync("close-a", (o, now) => o.Settle(Paid(12.50m, 0.30m), now), default);
        await ops.Updater.UpdateAsync("close-a", (o, now) => o.Settle(Paid(12.50m, 0.30m), now), default);
        await ops.Updater.UpdateAsync("close-b", (o, now) => o.Settle(Paid(12.50m, 0.25m), now), default);
        await ops.Updater.UpdateAsync("close-c", (o, now) => o.Settle(Paid(12.50m, 0m), now), default);
        var partial = new ProviderVerdict(
            OrderStatus.Pending,
            ProviderText.Of("4"),
            null,
            ReviewReason.PartialCollection,
            6.25m
        );
        await ops.Updater.UpdateAsync("close-d", (o, now) => o.Apply(partial, now), default);
        ops.Clock.Advance(TimeSpan.FromDays(1));

        var close = await ops.GetJsonAsync("/api/ops/close/2026-11-22");

        Assert.False(close.GetProperty("provisional").GetBoolean());
        var totals = close.GetProperty("totals").EnumerateArray().ToList();
        Assert.Equal(
            [("HaiPay", "USD", "25.00", "0.55", "24.45", 2), ("HuaweiPin", "USD", "12.50", "0", "12.50", 1)],
            totals.Select(t =>
                (
                    t.GetProperty("provider").GetString(),
                    t.GetProperty("currency").GetString(),
                    t.GetProperty("collected").GetString(),
                    t.GetProperty("fees").GetString(),
                    t.GetProperty("net").GetString(),
                    t.GetProperty("counts").GetProperty("collected").GetInt32()
                )
            )
        );
        var flagged = Assert.Single(close.GetProperty("flagged").EnumerateArray());
        Assert.Equal(
            ("close-d", "flagged", "partial-collection", "12.50", "6.25"),
            (
                flagged.GetProperty("orderId").GetString(),
                flagged.GetProperty("kind").GetString(),
                flagged.GetProperty("reviewReason").GetString(),
                flagged.GetProperty("amount").GetString(),
                flagged.GetProperty("receivedAmount").GetString()
            )
        );
    }

    [Fact]
    public async Task Close_Csv_OneLinePerProviderAndCurrency()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.PendingAsync("csv-a");
        await ops.Updater.UpdateAsync("csv-a", (o, now) => o.Settle(Paid(12.49m, 0.30m), now), default);
        ops.Clock.Advance(TimeSpan.FromDays(1));
        using var client = ops.Host.CreateOperatorClient();

        var response = await client.GetAsync("/api/ops/close/2026-11-22/csv");

        Assert.Equal(
            (HttpStatusCode.OK, "text/csv"),
            (response.StatusCode, response.Content.Headers.ContentType!.MediaType)
        );
        Assert.Equal(
            "day,provider,currency,collected,charged,refunded,fees,net,collectedCount,chargedCount,refundedCount,"
                + "flaggedCount,resolvedCount,provisional\n"
                + "2026-11-22,HaiPay,USD,12.49,0,0,0.30,12.19,1,0,0,0,0,false\n",
            await response.Content.ReadAsStringAsync()
        );
    }

    [Fact]
    public async Task Close_EntryWhoseOrderWriteLostItsRace_LeftOutThenDropped()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.PendingAsync("race-a");
        var seen = (await ops.Orders.FindAsync("race-a", default))!;
        await ops.Updater.UpdateAsync("race-a", (o, now) => o.ScheduleNextCheck(now.AddHours(1), null, now), default);
        var lost = seen.Value.Settle(Paid(12.50m, 0.30m), ops.Clock.GetUtcNow()).Order;
        Assert.Null(await ops.Orders.TryReplaceAsync(seen, lost, default));
        var ledger = ops.Services.GetRequiredService<ILedger>();
        Assert.Single(await ledger.ReadDayAsync(new DateOnly(2026, 11, 22), default).ToListAsync());

        var during = await ops.GetJsonAsync("/api/ops/close/2026-11-22");
        ops.Clock.Advance(TimeSpan.FromDays(1));
        var after = await ops.GetJsonAsync("/api/ops/close/2026-11-22");

        Assert.Equal(
            (true, 1),
            (during.GetProperty("provisional").GetBoolean(), during.GetProperty("unsettled").GetInt32())
        );
        Assert.Equal(
            (false, 0),
            (after.GetProperty("provisional").GetBoolean(), after.GetProperty("unsettled").GetInt32())
        );
        Assert.Empty(after.GetProperty("totals").EnumerateArray());
        Assert.Empty(await ledger.ReadDayAsync(new DateOnly(2026, 11, 22), default).ToListAsync());
    }

    [Theory]
    [InlineData("2026-11-23", "day")]
    [InlineData("22-11-2026", "day")]
    [InlineData("2026-13-01/csv", "day")]
    public async Task Close_BadInput_400NamingTheField(string path, string field)
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        using var client = ops.Host.CreateOperatorClient();

        var response = await client.GetAsync("/api/ops/close/" + path);

        Assert.Equal(
            (HttpStatusCode.BadRequest, "application/problem+json"),
            (response.StatusCode, response.Content.Headers.ContentType!.MediaType)
        );
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Close_FunctionKey_401()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        using var client = ops.Host.CreateMerchantClient();

        var response = await client.GetAsync("/api/ops/close/2026-11-22");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
