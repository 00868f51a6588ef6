using System.Net;
using System.Text;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;

namespace Payments.IntegrationTests.HaiPay;

/// <summary>
/// The per-instance budget of queries on unverified notifications is spent only on a query that is due: forged
/// notifications naming one known open order, refused by that order's claim and asking HaiPay nothing, take nothing
/// from it, so a notification for another order that fails verification still gets its query.
/// </summary>
public sealed class UnverifiedBudgetStarvationTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private static string Forged(string orderId) =>
        $$"""{"appId":1054,"currency":"USD","orderId":"{{orderId}}","orderNo":"6021","amount":"12.50","status":2,"sign":"AAAA"}""";

    [Fact]
    public async Task Notify_ForgedRepeatsForOneOrderNotQueried_BudgetLeftForAnotherOrder()
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
        await system.SetHaiPayFaultsAsync(new { notifications = false });
        await CollectionFlow.CreatedPayUrlAsync(system, "r2-starve-known");
        await CollectionFlow.CreatedPayUrlAsync(system, "r2-starve-other");
        using var client = system.Server.CreateAnonymousClient();

        foreach (var body in Enumerable.Repeat(Forged("r2-starve-known"), 3).Append(Forged("r2-starve-other")))
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync("/api/haipay/notify", content);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(1, (await system.SandboxPaymentAsync("r2-starve-known"))!.Value.GetProperty("queries").GetInt32());
        Assert.Equal(1, (await system.SandboxPaymentAsync("r2-starve-other"))!.Value.GetProperty("queries").GetInt32());
    }
}
