using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Payments.Bench.Infrastructure;
using Payments.Bench.Reporting;
using Payments.Bench.Workloads;
using Payments.Core.HaiPay;

namespace Payments.Bench.Scenarios;

/// <summary>
/// How many storage requests the service issues, counted in the table client's Azure.Core pipeline
/// (<see cref="StorageRequestCounter"/>): per endpoint request and per due order of a poll cycle, in tables of growing
/// size. None of them may grow with the table: every read is by key or a bounded range of the due index.
/// </summary>
public sealed class StorageRequests(BenchSystem stack, BenchOptions options)
{
    /// <summary>Requests of each endpoint kind per table size, one after another.</summary>
    private const int PerEndpoint = 100;

    /// <summary>Due orders in the poll cycle: one default batch.</summary>
    private const int Due = 200;

    public async Task RunAsync()
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var total in options.RequestTotals)
        {
            rows.Add(await MeasureAsync(total));
            await new MarkdownReport("Storage requests per unit of work")
                .Note("Every HTTP request the Server's table client (Azure.Data.Tables) sends, each retry included, counted by an Azure.Core `HttpPipelinePolicy` "
                    + "(`bench/Payments.Bench/Infrastructure/StorageRequestCounter.cs`) in a Server running in the bench's process (background jobs off, so nothing else "
                    + $"issues requests). Per endpoint: {PerEndpoint} requests of each kind one after another, each for a different order (callbacks and notifications "
                    + $"for seeded open orders, frames with fresh ids). Per due order: {Due} HaiPay collections created through the API and due, the rest of the table "
                    + "HaiPay collections due an hour later; one cycle = `HaiPayPoller.RunOnceAsync` until each due order was checked once.")
                .Note("Expected from the code: a callback or notification reads the order, upserts the outbox's due row for the event its final "
                    + "state raises (the outbox's own table, written before the order), replaces the order on its ETag and inserts one audit row. A frame "
                    + "creation writes the order's `stale` attention row and its due row before the order, inserts the order, replaces it with the "
                    + "provider's answer (starting from the inserted version, no re-read; the unchanged due row is not written again) and deletes the "
                    + "`stale` row: 5. A due order costs its read from the due scan, the claim and the result (each a due-index "
                    + "upsert and an order replace on the ETag) and one audit row; the fraction is the due index's query pages (16 shards), shared by the batch. "
                    + "Every count is per unit of work and must be the same whatever the table size: reads are by key or a bounded range of the due index. "
                    + "Each size runs on tables of its own, so the first callback of a run also finds no audit table for the month and creates it "
                    + "(its insert answered 404, the table created, the insert sent again): 2 requests over the 100 callbacks, the .02.")
                .Table(["Orders in table", "HUAWEIPIN callback", "HaiPay notify", "Frame creation", "Poll: per due order", "Poll runs"], rows)
                .WriteAsync(options.Results, "storage-requests.md");
        }
    }

    private async Task<IReadOnlyList<string>> MeasureAsync(int total)
    {
        var run = $"req{total}";
        var clock = new ShiftedClock();
        var counter = new StorageRequestCounter();
        await using var app = await stack.StartOperatorAsync(run, clock, services: counter.Install);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        http.DefaultRequestHeaders.Add("x-functions-key", BenchSystem.FunctionKey);

        await CreateDueAsync(http, run);
        var now = clock.GetUtcNow();
        var frames = Enumerable.Range(0, PerEndpoint).Select(i => $"{run}-cb-{i}").ToList();
        var collections = Enumerable.Range(0, PerEndpoint).Select(i => $"{run}-nt-{i}").ToList();
        var later = Enumerable.Range(0, Math.Max(0, total - Due - (2 * PerEndpoint))).Select(i => $"{run}-later-{i}").ToList();
        await Seeder.SeedAsync(app.Services, frames.Select(id => Seeder.Frame(id, now)), CancellationToken.None);
        await Seeder.SeedAsync(app.Services, collections.Select(id => Seeder.Collection(id, now, now + TimeSpan.FromHours(1))), CancellationToken.None);
        await Seeder.SeedAsync(app.Services, later.Select((id, i) => Seeder.Collection(id, now, now + TimeSpan.FromHours(1) + TimeSpan.FromSeconds(i))), CancellationToken.None);

        var callback = await PerRequestAsync(http, counter, frames.Select(Messages.Callback), 200);
        var notify = await PerRequestAsync(http, counter, collections.Select(id => Messages.Notification(id, stack.PlatformKey)), 200);
        var frame = await PerRequestAsync(http, counter, Enumerable.Range(0, PerEndpoint).Select(i => Messages.Frame($"{run}-fr-{i}")), 201);

        clock.Advance(TimeSpan.FromMinutes(2));
        var poller = app.Services.GetRequiredService<HaiPayPoller>();
        var (checkedCount, runs, before) = (0, 0, counter.Count);
        while (checkedCount < Due)
        {
            var checkedNow = await poller.RunOnceAsync(CancellationToken.None);
            (checkedCount, runs) = (checkedCount + checkedNow, runs + 1);
            if (checkedNow == 0)
            {
                throw new InvalidOperationException($"The poller found nothing due after {checkedCount} of {Due} checks.");
            }
        }

        var perDue = (counter.Count - before) / (double)checkedCount;
        Console.WriteLine($"storage requests among {total}: callback {callback:0.00}, notify {notify:0.00}, frame {frame:0.00}, per due order {perDue:0.00} ({runs} runs)");
        return
        [
            total.ToString("N0", CultureInfo.InvariantCulture), MarkdownReport.Number(callback, "0.00"), MarkdownReport.Number(notify, "0.00"),
            MarkdownReport.Number(frame, "0.00"), MarkdownReport.Number(perDue, "0.00"), runs.ToString(CultureInfo.InvariantCulture),
        ];
    }

    private static async Task<double> PerRequestAsync(HttpClient http, StorageRequestCounter counter, IEnumerable<Request> requests, int expected)
    {
        var (sent, before) = (0, counter.Count);
        foreach (var request in requests)
        {
            using var content = new StringContent(request.Body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(request.Path, content);
            if ((int)response.StatusCode != expected)
            {
                throw new InvalidOperationException($"{request.Path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            sent++;
        }

        return (counter.Count - before) / (double)sent;
    }

    /// <remarks>Ids carry the run's name: the sandbox refuses an order id it has seen before.</remarks>
    private static async Task CreateDueAsync(HttpClient http, string run) =>
        await Parallel.ForEachAsync(Enumerable.Range(0, Due), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            using var response = await http.PostAsJsonAsync("/api/haipay/collections", Messages.CollectionRequest($"{run}-due-{i}"), ct);
            if ((int)response.StatusCode != 201)
            {
                throw new InvalidOperationException($"Creating collection {run}-due-{i} answered {(int)response.StatusCode}.");
            }
        });
}
