using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

/// <summary>
/// Repeats of a collection whose first apply's answer was lost (<c>Unknown</c>): re-applying it is claimed on the order
/// row by compare-and-swap, so however many repeats arrive at once, HaiPay gets at most one more <c>collect/apply</c>.
/// </summary>
public sealed class UnknownCollectionReapplyTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task ConcurrentRepeatsOfAnUnknownCollection_ExactlyOneMoreApply()
    {
        const string id = "hpy-reapply-race";
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { apply = "lost" });
        using var first = await CollectionFlow.CreateAsync(system, CollectionFlow.Request(id));
        Assert.Equal(HttpStatusCode.BadGateway, first.StatusCode);
        // Every query says "no such order" and the re-apply answers after a second: all repeats see an order HaiPay
        // does not hold while the one re-apply is still in flight.
        await system.SetHaiPayFaultsAsync(
            new
            {
                query = "notfound",
                apply = "timeout",
                slowReply = "00:00:01",
            }
        );

        var repeats = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(_ => CollectionFlow.CreateAsync(system, CollectionFlow.Request(id)))
        );

        Assert.Equal(2, await system.SandboxAppliesAsync(id));
        var stored = (
            await system.Server.Services.GetRequiredService<IOrderRepository>().FindAsync(id, default)
        )!.Value;
        Assert.Equal((OrderStatus.Pending, 2), (stored.Status, stored.ProviderCalls));
        Assert.Single(repeats, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var repeat in repeats)
        {
            repeat.Dispose();
        }
    }

    [Fact]
    public async Task ReapplyClaimOfADeadHolder_RetakenAfterItsLease()
    {
        const string id = "hpy-reapply-dead";
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var system = await PaymentsSystem.StartAsync(azurite, HandDrivenJobs.Settings(clock), s =>
            s.AddSingleton<TimeProvider>(clock)
        );
        await system.SetHaiPayFaultsAsync(new { apply = "lost" });
        using var first = await CollectionFlow.CreateAsync(system, CollectionFlow.Request(id));
        Assert.Equal(HttpStatusCode.BadGateway, first.StatusCode);
        await system.SetHaiPayFaultsAsync(new { });
        var lease = TimeSpan.Parse(system.Settings["HaiPay:ClaimLease"]!, CultureInfo.InvariantCulture);
        var updater = system.Server.Services.GetRequiredService<OrderUpdater>();
        // A request that claimed the re-apply, then died before asking HaiPay.
        var dead = await updater.UpdateAsync(id, (o, now) => o.ClaimReapply(lease, now), default);
        Assert.Equal(TransitionKind.Changed, dead.Kind);

        using var whileHeld = await CollectionFlow.CreateAsync(system, CollectionFlow.Request(id));
        var appliesWhileHeld = await system.SandboxAppliesAsync(id);
        clock.Advance(lease);
        using var afterLapse = await CollectionFlow.CreateAsync(system, CollectionFlow.Request(id));

        Assert.Equal((HttpStatusCode.BadGateway, 1), (whileHeld.StatusCode, appliesWhileHeld));
        Assert.Equal((HttpStatusCode.Created, 2), (afterLapse.StatusCode, await system.SandboxAppliesAsync(id)));
        var stored = (
            await system.Server.Services.GetRequiredService<IOrderRepository>().FindAsync(id, default)
        )!.Value;
        Assert.Equal((OrderStatus.Pending, null), (stored.Status, stored.ReapplyClaimedUntil));
    }
}
