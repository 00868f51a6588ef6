using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Payments.Core.HaiPay;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

public sealed class HaiPayPollerTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task RunOnce_TwoOverlappingRuns_EachDueOrderIsQueriedExactlyOnce()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var system = await PaymentsSystem.StartAsync(azurite, HandDrivenJobs.Settings(clock), s =>
            s.AddSingleton<TimeProvider>(clock)
        );
        await system.SetHaiPayFaultsAsync(new { notifications = false });
        var ids = Enumerable.Range(0, 12).Select(i => $"hpy-poll-{i}").ToList();
        foreach (var id in ids)
        {
            await CollectionFlow.CreatedPayUrlAsync(system, id);
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        var runs = await Task.WhenAll(Poller(system).RunOnceAsync(default), Poller(system).RunOnceAsync(default));

        Assert.Equal(ids.Count, runs.Sum());
        foreach (var id in ids)
        {
            Assert.Equal(1, (await system.SandboxPaymentAsync(id))!.Value.GetProperty("queries").GetInt32());
        }
    }

    [Fact]
    public async Task RunOnce_CustomerNeverPays_FollowsTheScheduleThenNeedsReviewNeverFailed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var system = await PaymentsSystem.StartAsync(azurite, HandDrivenJobs.Settings(clock), s =>
            s.AddSingleton<TimeProvider>(clock)
        );
        await CollectionFlow.CreatedPayUrlAsync(system, "hpy-abandoned");
        var repository = system.Server.Services.GetRequiredService<IOrderRepository>();
        var created = (await repository.FindAsync("hpy-abandoned", default))!.Value.CreatedAt;
        var gaps = new List<TimeSpan>();
        PaymentOrder order;
        do
        {
            order = (await repository.FindAsync("hpy-abandoned", default))!.Value;
            if (order.NextCheckAt is { } due)
            {
                gaps.Add(due - clock.GetUtcNow());
                clock.Advance(due - clock.GetUtcNow());
                await Poller(system).RunOnceAsync(default);
            }
        } while (order.NextCheckAt is not null && gaps.Count < 200);

        Assert.Equal((OrderStatus.NeedsReview, ReviewReason.ChecksExhausted), (order.Status, order.ReviewReason));
        Assert.Equal([TimeSpan.FromMinutes(1), .. Enumerable.Repeat(TimeSpan.FromMinutes(5), 5)], gaps.Take(6));
        Assert.All(gaps.Skip(6), gap => Assert.Equal(TimeSpan.FromHours(1), gap));
        Assert.True(order.UpdatedAt - created <= TimeSpan.FromHours(72));
        Assert.True(order.UpdatedAt - created > TimeSpan.FromHours(71));
        Assert.Equal(
            gaps.Count,
            (await system.SandboxPaymentAsync("hpy-abandoned"))!.Value.GetProperty("queries").GetInt32()
        );
    }

    [Fact]
    public async Task RunOnce_ClaimOfADeadPoller_LapsesAndTheOrderIsCheckedAgain()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var system = await PaymentsSystem.StartAsync(azurite, HandDrivenJobs.Settings(clock), s =>
            s.AddSingleton<TimeProvider>(clock)
        );
        await system.SetHaiPayFaultsAsync(new { notifications = false });
        await CollectionFlow.CompleteAsync(await CollectionFlow.CreatedPayUrlAsync(system, "hpy-claimed"), "success");
        clock.Advance(TimeSpan.FromMinutes(2));
        var updater = system.Server.Services.GetRequiredService<OrderUpdater>();
        await updater.UpdateAsync(
            "hpy-claimed",
            (o, now) => o.ClaimCheck(now + TimeSpan.FromSeconds(10), now),
            default
        );

        var whileClaimed = await Poller(system).RunOnceAsync(default);
        clock.Advance(TimeSpan.FromSeconds(11));
        var afterLapse = await Poller(system).RunOnceAsync(default);

        Assert.Equal((0, 1), (whileClaimed, afterLapse));
        await system.WaitForStatusAsync("hpy-claimed", "Succeeded");
    }

    private static HaiPayPoller Poller(PaymentsSystem system) =>
        system.Server.Services.GetRequiredService<HaiPayPoller>();
}
