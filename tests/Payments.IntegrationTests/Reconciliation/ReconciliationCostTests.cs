using System.Net.Http.Json;
using System.Text.Json;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;

namespace Payments.IntegrationTests.Reconciliation;

/// <summary>
/// What reconciling a day and reading its close cost, counted (never timed): one HaiPay query per order, a bounded
/// number of storage requests per order plus a fixed number per run, and a close that reads one ledger page however
/// many orders the day had (up to 1,000 entries a page). The bench's <c>reconciliation</c> row reads the same counts at
/// scale.
/// </summary>
public sealed class ReconciliationCostTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    /// <summary>Per order changed that day: the order read and the checkpoint saved after it.</summary>
    private const int PerOrder = 2;

    /// <summary>
    /// Per row of the due index the open phase reads: the order it points at, and the row's delete when the order has
    /// moved on (here every settled order's, left for whichever reader comes first).
    /// </summary>
    private const int PerDueRow = 2;

    /// <summary>
    /// Per run: the operator's audit record and its outcome, the run read and first save, the changed index (one page),
    /// the phase change, the open phase's changed list and due scan (16 shards, one page each), the final save.
    /// </summary>
    private const int PerRun = 24;

    private static string Today =>
        DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Reconcile_DayOfMatchingOrders_OneQueryPerOrderAndBoundedStorageRequests()
    {
        var log = new StorageRequestLog();
        // No job runs on a schedule: only the reconciliation's requests are counted.
        await using var system = await PaymentsSystem.StartAsync(azurite, HandDrivenJobs.Never(), log.Install);
        const int orders = 6;
        for (var i = 0; i < orders; i++)
        {
            var payUrl = await CollectionFlow.CreatedPayUrlAsync(system, $"cost-{i}");
            await CollectionFlow.CompleteAsync(payUrl, "success");
            await system.WaitForStatusAsync($"cost-{i}", "Succeeded");
        }

        // The Server answers a notification after its audit row: once the sandbox holds each 200, nothing is left.
        for (var i = 0; i < orders; i++)
        {
            var id = $"cost-{i}";
            var delivery = await PaymentsSystem.FirstDeliveryAsync(async () =>
                (await system.SandboxPaymentAsync(id))!.Value
            );
            Assert.Equal(200, delivery.GetProperty("status").GetInt32());
        }

        using var ops = system.Server.CreateOperatorClient();
        log.Clear();
        var run = await (
            await ops.PostAsync($"/api/ops/reconciliation/haipay/{Today}", null)
        ).Content.ReadFromJsonAsync<JsonElement>();
        var reconcileLog = log.Requests;
        var reconcileRequests = reconcileLog.Count;
        log.Clear();
        await ops.GetFromJsonAsync<JsonElement>($"/api/ops/close/{Today}");
        var closeRequests = log.Requests;

        Assert.Equal((orders, orders), (run.GetProperty("matched").GetInt32(), run.GetProperty("queries").GetInt32()));
        for (var i = 0; i < orders; i++)
        {
            Assert.Equal(1, (await system.SandboxPaymentAsync($"cost-{i}"))!.Value.GetProperty("queries").GetInt32());
        }

        Assert.True(reconcileRequests <= (orders * (PerOrder + PerDueRow)) + PerRun, string.Join("\n", reconcileLog));
        Assert.Single(closeRequests, r => r.Contains("ledger", StringComparison.Ordinal));
        Assert.InRange(closeRequests.Count, 1, 3);
    }
}
