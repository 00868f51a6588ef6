using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Payments.Bench.Infrastructure;
using Payments.Bench.Reporting;
using Payments.Bench.Workloads;
using Payments.Core.Orders;
using Payments.Core.Reconciliation;

namespace Payments.Bench.Scenarios;

/// <summary>
/// What reconciling a day with HaiPay and reading its close cost, counted: storage requests (every try, through the
/// table client's pipeline) and HaiPay queries, per order of the day, among tables of growing size. A day's orders are
/// collections created through the API and paid at the sandbox (its notification settles them); the rest of the table
/// is open collections created the same day (not yet stale).
/// </summary>
public sealed class ReconciliationCost(BenchSystem stack, BenchOptions options)
{
    /// <summary>Orders of the reconciled day.</summary>
    private const int Day = 200;

    public async Task RunAsync()
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var total in options.RequestTotals)
        {
            rows.Add(await MeasureAsync(total));
            await new MarkdownReport("Reconciliation and the daily close: requests per order")
                .Note($"{Day} HaiPay collections created through the API and paid at the sandbox (settled by its signed notification) make the day; the rest "
                    + "of the table is open HaiPay collections created the same day, each with a scheduled check (so not stale: `Reconciliation:StaleAfter` is a day). "
                    + "One run = `HaiPayReconciler.RunAsync` of the day (QueriesPerSecond 0: unpaced, so the count is not a wait). Counted by an Azure.Core "
                    + "`HttpPipelinePolicy` in the Server's table client (`StorageRequestCounter`), every try included; HaiPay queries from the run's own count.")
                .Note("Expected from the code: per order of the day, its order read and the checkpoint saved after it (2), one HaiPay query; per run, a "
                    + "constant (run read and saves, the changed index's pages, one per 1,000 orders); the open phase then reads every row of the due index "
                    + "(up to `Reconciliation:MaxOpenPerRun`) and each one's order, to find those older than the stale limit: that part grows with the open "
                    + "orders, bounded by the setting, and asks HaiPay nothing about orders that are not stale. The close is one ledger partition read "
                    + "(a page per 1,000 entries) plus the day's two reconciliation run reads.")
                .Table(["Orders in table", "Storage requests per order of the day (run)", "of which the open phase, per open order", "HaiPay queries per order of the day", "Close: storage requests"], rows)
                .WriteAsync(options.Results, "reconciliation.md");
        }
    }

    private async Task<IReadOnlyList<string>> MeasureAsync(int total)
    {
        var run = $"rec{total}";
        var clock = new ShiftedClock();
        var counter = new StorageRequestCounter();
        var overrides = new Dictionary<string, string> { ["Reconciliation:QueriesPerSecond"] = "0" };
        await using var app = await stack.StartOperatorAsync(run, clock, overrides, counter.Install);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        http.DefaultRequestHeaders.Add("x-functions-key", BenchSystem.FunctionKey);
        using var sandbox = new HttpClient { BaseAddress = stack.SandboxUrl };

        var ids = Enumerable.Range(0, Day).Select(i => $"{run}-day-{i}").ToList();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) =>
        {
            using var created = await http.PostAsJsonAsync("/api/haipay/collections", Messages.CollectionRequest(id), ct);
            created.EnsureSuccessStatusCode();
            using var paid = await sandbox.PostAsJsonAsync($"haipay/_sandbox/orders/{id}/complete", new { outcome = "success" }, ct);
            paid.EnsureSuccessStatusCode();
        });
        var orders = app.Services.GetRequiredService<IOrderRepository>();
        foreach (var id in ids)
        {
            for (var i = 0; (await orders.FindAsync(id, default))?.Value.Status != OrderStatus.Succeeded; i++)
            {
                if (i > 600)
                {
                    throw new InvalidOperationException($"{id} was not settled by the sandbox's notification.");
                }

                await Task.Delay(100);
            }
        }

        var now = clock.GetUtcNow();
        var open = Enumerable.Range(0, Math.Max(0, total - Day)).Select(i => $"{run}-open-{i}").ToList();
        await Seeder.SeedAsync(app.Services, open.Select((id, i) => Seeder.Collection(id, now, now + TimeSpan.FromHours(1) + TimeSpan.FromSeconds(i))), CancellationToken.None);

        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var before = counter.Count;
        var result = await app.Services.GetRequiredService<HaiPayReconciler>().RunAsync(day, again: true, CancellationToken.None);
        var runRequests = counter.Count - before;
        before = counter.Count;
        using var close = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/ops/close/{day:yyyy-MM-dd}") { Headers = { { "x-functions-key", BenchSystem.OperatorKey } } });
        close.EnsureSuccessStatusCode();
        var closeRequests = counter.Count - before;

        var openPart = open.Count == 0 ? 0 : (runRequests - (2.0 * Day)) / open.Count;
        Console.WriteLine($"reconciliation among {total}: {runRequests} requests for {Day} orders of the day and {open.Count} open, {result.Queries} queries, close {closeRequests}");
        return
        [
            total.ToString("N0", CultureInfo.InvariantCulture),
            MarkdownReport.Number(runRequests / (double)Day, "0.00"),
            MarkdownReport.Number(openPart, "0.00"),
            MarkdownReport.Number(result.Queries / (double)Day, "0.00"),
            closeRequests.ToString(CultureInfo.InvariantCulture),
        ];
    }
}
