using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Reconciliation;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;

namespace Payments.IntegrationTests.Reconciliation;

/// <summary>
/// A second runner of a day's HaiPay reconciliation started while the first is advancing (an operator's POST beside
/// the timer's run) never makes HaiPay be asked twice about one order in that run.
/// </summary>
public sealed class HaiPayReconciliationRunnerRaceTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task Reconcile_SecondRunnerWhileTheFirstAdvances_EachOrderAskedOnce()
    {
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?> { ["Reconciliation:QueriesPerSecond"] = "2" }
        );
        string[] ids = ["race-a", "race-b", "race-c", "race-d"];
        foreach (var id in ids)
        {
            var payUrl = await CollectionFlow.CreatedPayUrlAsync(system, id);
            await CollectionFlow.CompleteAsync(payUrl, "success");
            await system.WaitForStatusAsync(id, "Succeeded");
        }

        var day = DateOnly.FromDateTime(DateTime.UtcNow);
        var route = "/api/ops/reconciliation/haipay/" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var log = system.Server.Services.GetRequiredService<IReconciliationLog>();
        using var first = system.Server.CreateOperatorClient();
        using var second = system.Server.CreateOperatorClient();

        var running = first.PostAsync(route, null);
        while ((await log.FindRunAsync(HaiPayReconciler.Source, day, default))?.Run.Queries is not >= 1)
        {
            await Task.Delay(20);
        }

        var other = await second.PostAsync(route, null);
        var firstAnswer = await running;

        var asked = 0;
        foreach (var id in ids)
        {
            asked += (await system.SandboxPaymentAsync(id))!.Value.GetProperty("queries").GetInt32();
        }

        Assert.True(
            asked == ids.Length,
            $"HaiPay asked {asked} times about {ids.Length} orders; first {(int)firstAnswer.StatusCode}, "
                + $"second {(int)other.StatusCode} {await other.Content.ReadAsStringAsync()}"
        );
    }
}
