using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Audit;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;

namespace Payments.IntegrationTests.Chaos;

/// <summary>Anonymous traffic with a made-up signature: what it may cost us in provider calls and storage.</summary>
public sealed class ForgedNotificationTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    /// <summary>Summaries kept per audit partition in these tests (the default is larger).</summary>
    private const int Cap = 100;

    /// <summary>
    /// Upper bound on one stored summary (or the partition's counter row), keys and values together, in characters.
    /// </summary>
    private const int MaxCharsPerRow = 600;

    private static string Forged(string orderId, int padding = 0) =>
        $$"""{"appId":1054,"currency":"USD","orderId":"{{orderId}}","orderNo":"602{{orderId.Length}}","amount":"12.50","status":2,"pad":"{{new string('x', padding)}}","sign":"AAAA"}""";

    private static async Task<HttpStatusCode[]> PostAllAsync(
        PaymentsSystem system,
        IEnumerable<string> bodies,
        int concurrency
    )
    {
        using var client = system.Server.CreateAnonymousClient();
        using var gate = new SemaphoreSlim(concurrency);
        return await Task.WhenAll(
            bodies.Select(async body =>
            {
                await gate.WaitAsync();
                try
                {
                    using var content = new StringContent(body, Encoding.UTF8, "application/json");
                    using var response = await client.PostAsync("/api/haipay/notify", content);
                    return response.StatusCode;
                }
                finally
                {
                    gate.Release();
                }
            })
        );
    }

    [Fact]
    public async Task Notify_100ForgedForOneOpenOrder_AtMostTwoProviderQueries()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, "hpy-forged-100");

        var answers = await PostAllAsync(system, Enumerable.Repeat(Forged("hpy-forged-100"), 100), concurrency: 8);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a));
        var queries = (await system.SandboxPaymentAsync("hpy-forged-100"))!.Value.GetProperty("queries").GetInt32();
        Assert.InRange(queries, 1, 2);
        var audit = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync("hpy-forged-100", DateTimeOffset.UtcNow, default)
            .ToListAsync();
        Assert.All(audit, a => Assert.Equal(AuditKinds.CallbackUnverified, a.Kind));
        Assert.InRange(audit.Count, 1, 100);
    }

    [Fact]
    public async Task Notify_ForgedForManyOpenOrders_QueriesCappedByTheUnverifiedQueryBudget()
    {
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["HaiPay:UnverifiedQueryBudget"] = "3",
                ["HaiPay:UnverifiedQueryBudgetPeriod"] = "01:00:00",
                ["HaiPayPollSchedule"] = "0 0 0 1 1 *",
            }
        );
        var ids = Enumerable.Range(0, 8).Select(i => $"hpy-budget-{i}").ToList();
        foreach (var id in ids)
        {
            await CollectionFlow.CreatedPayUrlAsync(system, id);
        }

        var answers = await PostAllAsync(system, ids.Select(id => Forged(id)), concurrency: 4);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a));
        var queries = 0;
        foreach (var id in ids)
        {
            queries += (await system.SandboxPaymentAsync(id))!.Value.GetProperty("queries").GetInt32();
        }

        Assert.Equal(3, queries);
    }

    [Fact]
    public async Task Notify_1000ForgedForUnknownOrders_StorageGrowthUnderCapTimesSummarySize()
    {
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["Audit:UnverifiedPerPartition"] = Cap.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }
        );
        var before = await StorageScan.AllValuesAsync(system.Server);

        var answers = await PostAllAsync(
            system,
            Enumerable.Range(0, 1000).Select(i => Forged($"fz-{i:D4}-{Guid.NewGuid():N}", padding: 12_000)),
            concurrency: 8
        );

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a));
        var after = await StorageScan.AllValuesAsync(system.Server);
        var grownChars = after.Sum(v => v.Length) - before.Sum(v => v.Length);
        Assert.InRange(grownChars, 1, (Cap + 1) * MaxCharsPerRow);
        var unverified = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync(null, DateTimeOffset.UtcNow, default)
            .Where(a => a.Kind == AuditKinds.CallbackUnverified)
            .ToListAsync();
        Assert.InRange(unverified.Count, Cap / 2, Cap);
        Assert.All(unverified, a => Assert.DoesNotContain("xxxx", a.Payload, StringComparison.Ordinal));
    }
}
