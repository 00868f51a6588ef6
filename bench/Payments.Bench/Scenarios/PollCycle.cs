using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Payments.Bench.Infrastructure;
using Payments.Bench.Load;
using Payments.Bench.Reporting;
using Payments.Bench.Workloads;
using Payments.Core.HaiPay;

namespace Payments.Bench.Scenarios;

/// <summary>
/// One poll cycle: how long the HaiPay poller (default batch and concurrency) takes to check the due orders, among
/// more and more orders that are not due; beside it, one read and one conditional write of as many orders in the same table.
/// </summary>
public sealed class PollCycle(BenchSystem stack, BenchOptions options)
{
    public async Task RunAsync()
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var total in options.PollTotals)
        {
            rows.Add(await MeasureAsync(total));
            await WriteAsync(rows);
        }
    }

    /// <summary>Written after every row: seeding the largest table takes Azurite a long time, and the smaller rows stand alone.</summary>
    private async Task WriteAsync(List<IReadOnlyList<string>> rows)
    {
        await new MarkdownReport("Poll cycle: due orders among many")
            .Note($"{options.PollDue} HaiPay collections are created through the API (so HaiPay's sandbox knows them), the clock is moved past their first check, "
                + "and the rest of the orders are seeded open but due later. One cycle = `HaiPayPoller.RunOnceAsync` repeated until every due order was checked: "
                + "read the sharded due index, claim each order by compare-and-swap, query HaiPay (signed request, signed reply verified), store the answer and "
                + "the next check by compare-and-swap. Settings: the defaults (batch 200, 4 queries at once).")
            .Note("Baseline: one read and one conditional write of as many orders of the same table (the not-due ones; the due ones when there are none), 4 at a time. Azurite's point reads scan every order "
                + "row, so both columns grow with the table; the ratio is the poller's own cost. Azure Table Storage reads by key, so there the cycle stays flat.")
            .Table(["Orders in table", "Due", "Poll runs", "Cycle", "Checks/s", "Baseline", "Ratio"], rows)
            .WriteAsync(options.Results, "polling.md");
    }

    private async Task<IReadOnlyList<string>> MeasureAsync(int total)
    {
        var clock = new ShiftedClock();
        var due = options.PollDue;
        await using var app = await stack.StartOperatorAsync($"poll{total}", clock);
        await CreateThroughApiAsync(app, $"poll{total}", due);
        var now = clock.GetUtcNow();
        var later = Enumerable.Range(0, total - due).Select(i => $"later-{i}").ToList();
        await Seeder.SeedAsync(app.Services, later.Select((id, i) => Seeder.Collection(id, now, now + TimeSpan.FromHours(1) + TimeSpan.FromSeconds(i))), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(2));

        var poller = app.Services.GetRequiredService<HaiPayPoller>();
        var (checkedCount, runs, watch) = (0, 0, Stopwatch.StartNew());
        while (checkedCount < due)
        {
            var run = await poller.RunOnceAsync(CancellationToken.None);
            (checkedCount, runs) = (checkedCount + run, runs + 1);
            if (run == 0)
            {
                throw new InvalidOperationException($"The poller found nothing due after {checkedCount} of {due} checks.");
            }
        }

        var cycle = watch.Elapsed;
        var concurrency = app.Services.GetRequiredService<IOptions<HaiPayOptions>>().Value.PollConcurrency;
        var sameCount = later.Count >= due ? later[..due] : Enumerable.Range(0, due).Select(i => $"poll{total}-due-{i}").ToList();
        var baseline = await StorageBaseline.TimeAsync(StorageBaseline.Orders(app.Services), sameCount, concurrency);
        Console.WriteLine($"poll {due} due among {total}: {cycle.TotalSeconds:0.0} s in {runs} runs; baseline {baseline.TotalSeconds:0.0} s");
        return
        [
            total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), due.ToString(System.Globalization.CultureInfo.InvariantCulture),
            runs.ToString(System.Globalization.CultureInfo.InvariantCulture), MarkdownReport.Number(cycle.TotalSeconds, "0.00") + " s",
            MarkdownReport.Number(checkedCount / cycle.TotalSeconds), MarkdownReport.Number(baseline.TotalSeconds, "0.00") + " s",
            MarkdownReport.Number(cycle / baseline, "0.00"),
        ];
    }

    /// <remarks>Ids carry the run's name: the sandbox refuses an order id it has seen before.</remarks>
    private static async Task CreateThroughApiAsync(WebApplication app, string run, int count)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        http.DefaultRequestHeaders.Add("x-functions-key", BenchSystem.FunctionKey);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            using var response = await http.PostAsJsonAsync("/api/haipay/collections", Messages.CollectionRequest($"{run}-due-{i}"), ct);
            if ((int)response.StatusCode != 201)
            {
                throw new InvalidOperationException($"Creating collection {run}-due-{i} answered {(int)response.StatusCode}.");
            }
        });
    }
}
