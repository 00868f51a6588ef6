using Microsoft.Extensions.DependencyInjection;
using Payments.Bench.Infrastructure;
using Payments.Bench.Load;
using Payments.Bench.Reporting;
using Payments.Bench.Workloads;

namespace Payments.Bench.Scenarios;

/// <summary>
/// HUAWEIPIN callbacks, HaiPay notifications and frame creation against a Server process, with wrk, at each concurrency;
/// right before each, on the same tables, the raw storage baseline (one read and one conditional write per order) at the
/// same concurrency: on a machine other work shares, measurements minutes apart see different loads, seconds apart much less.
/// </summary>
public sealed class EndpointLoad(BenchSystem stack, BenchOptions options)
{
    private readonly Wrk wrk = new(stack.Root);
    private readonly List<double> loads = [];
    private int lanes;

    public async Task RunAsync()
    {
        var rows = new Dictionary<string, List<(LoadResult Endpoint, LoadResult Baseline)>>();
        var pool = options.Pool;
        foreach (var concurrency in BenchOptions.Concurrency)
        {
            Add(rows, "HUAWEIPIN callback", await InLaneAsync(concurrency, async (services, _) =>
                (await SeedFramesAsync(services, "cb", pool)).Select(Messages.Callback).ToList(), 200, "OK", null));
            Add(rows, "HaiPay notify", await InLaneAsync(concurrency, async (services, _) =>
                (await SeedCollectionsAsync(services, "nt", pool)).AsParallel().AsOrdered().Select(id => Messages.Notification(id, stack.PlatformKey)).ToList(), 200, "SUCCESS", null));
            Add(rows, "Frame creation", await InLaneAsync(concurrency, (_, lane) =>
                Task.FromResult(Enumerable.Range(0, pool).Select(i => Messages.Frame($"{lane}-fr-{i}")).ToList()), 201, null, BenchSystem.FunctionKey));
        }

        await Report(rows).WriteAsync(options.Results, "endpoints.md");
    }

    /// <summary>
    /// On a Server process and tables of its own (Azurite's point reads slow down with the size of a table, so every row is
    /// measured on tables of the same size), after a short warm-up: the baseline on orders seeded for it, then the endpoint
    /// with the requests <paramref name="prepare"/> made (both sets seeded before either is measured, so both see one table).
    /// </summary>
    /// <remarks>The lane's name prefixes every order id the provider sandbox sees: it refuses ids it has seen before.</remarks>
    private async Task<(LoadResult Endpoint, LoadResult Baseline)> InLaneAsync(
        int concurrency, Func<IServiceProvider, string, Task<List<Request>>> prepare, int expectedStatus, string? expectedBody, string? functionKey)
    {
        var prefix = $"load{++lanes}";
        var (server, url) = await stack.StartServerAsync(prefix);
        await using var _ = server;
        await using var operatorApp = await stack.StartOperatorAsync(prefix, TimeProvider.System);
        var warm = TimeSpan.FromSeconds(1);
        await wrk.RunAsync(url, (await SeedFramesAsync(operatorApp.Services, "warm-cb", 200)).Select(Messages.Callback).ToList(), 8, warm, 200, "OK", null);
        await wrk.RunAsync(url, (await SeedCollectionsAsync(operatorApp.Services, "warm-nt", 200)).Select(id => Messages.Notification(id, stack.PlatformKey)).ToList(), 8, warm, 200, "SUCCESS", null);
        await wrk.RunAsync(url, Enumerable.Range(0, 200).Select(i => Messages.Frame($"{prefix}-warm-fr-{i}")).ToList(), 8, warm, 201, null, BenchSystem.FunctionKey);
        var baselineOrders = await SeedFramesAsync(operatorApp.Services, "bl", options.Pool);
        var requests = await prepare(operatorApp.Services, prefix);
        if (MachineLoad.OneMinute() is { } load)
        {
            loads.Add(load);
        }

        var baseline = await StorageBaseline.RunAsync(StorageBaseline.Orders(operatorApp.Services), baselineOrders, concurrency, options.Duration);
        var endpoint = await wrk.RunAsync(url, requests, concurrency, options.Duration, expectedStatus, expectedBody, functionKey);
        return (endpoint, baseline);
    }

    private static async Task<List<string>> SeedFramesAsync(IServiceProvider services, string prefix, int count)
    {
        var now = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, count).Select(i => $"{prefix}-{i}").ToList();
        await Seeder.SeedAsync(services, ids.Select(id => Seeder.Frame(id, now)), CancellationToken.None);
        return ids;
    }

    private static async Task<List<string>> SeedCollectionsAsync(IServiceProvider services, string prefix, int count)
    {
        var now = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, count).Select(i => $"{prefix}-{i}").ToList();
        await Seeder.SeedAsync(services, ids.Select(id => Seeder.Collection(id, now, now + TimeSpan.FromHours(1))), CancellationToken.None);
        return ids;
    }

    private static void Add(Dictionary<string, List<(LoadResult, LoadResult)>> rows, string endpoint, (LoadResult Endpoint, LoadResult Baseline) measured)
    {
        var (result, baseline) = measured;
        Console.WriteLine($"baseline before {endpoint} c={baseline.Concurrency}: {baseline.PerSecond:0} pairs/s, p50 {MarkdownReport.Ms(baseline.P50)}, failures {baseline.Errors}");
        Console.WriteLine($"{endpoint} c={result.Concurrency}: {result.PerSecond:0} req/s, p50 {MarkdownReport.Ms(result.P50)}, p99 {MarkdownReport.Ms(result.P99)}, errors {result.Errors}, repeated {result.Repeated}, answers {result.Answers}");
        (rows.TryGetValue(endpoint, out var list) ? list : rows[endpoint] = []).Add((result, baseline));
    }

    private MarkdownReport Report(Dictionary<string, List<(LoadResult Endpoint, LoadResult Baseline)>> rows)
    {
        var report = new MarkdownReport("Endpoints under load, beside the raw storage they need")
            .Note($"wrk ({options.Duration.TotalSeconds:0} s per row, `bench/wrk/replay.lua`) against the Server process over loopback; every request is a different order, "
                + "prepared beforehand (callbacks and notifications for seeded open orders; frames with fresh order ids). Errors count socket errors and any answer other "
                + "than the acknowledgement (`OK`, `SUCCESS`, `201`); *repeated* says whether the prepared requests ran out (0: no request was a duplicate). "
                + "Each row runs on a fresh Server process and fresh tables holding the same number of orders: Azurite finds a row by scanning every row "
                + "with the same RowKey, so its point reads slow down as a table grows (Azure Table Storage looks rows up by key); equal tables keep rows comparable.")
            .Note("Baseline: one read of an order row and one replace on its ETag, straight at the same Azurite through Azure.Data.Tables' TableClient as the "
                + "service configures it (no service code), at the same concurrency, for the same time, in the same lane right before the endpoint's run: on the "
                + "same tables, which hold the baseline's seeded orders beside the endpoint's. Ratio = endpoint / baseline (throughput: below 1 is the cost of the service; p50: above 1). What each endpoint really issues: "
                + "a callback or notification reads the order, upserts the webhook index row of the event it raises, replaces the order on its ETag and writes one "
                + "audit row (4 storage requests); frame creation inserts the order and its due-index row, calls the provider sandbox's GetFrame over HTTP, then "
                + "reads the order and replaces it on its ETag with its due-index row (5; counted in `storage-requests.md`). The per-address rate limit of the "
                + "provider endpoints runs on every request, its limit raised out of reach: all the load comes from one loopback address.");
        if (options.Shared)
        {
            report.Note($"**The machine was shared**: other jobs (builds and tests) ran on its {Environment.ProcessorCount} CPUs during this run, so the absolute figures "
                + "are low and noisy; the ratios, endpoint and baseline measured seconds apart in the same run, are what this page publishes.");
        }

        if (loads.Count > 0)
        {
            report.Note($"Machine load: the 1-minute load average as each measurement started (the bench's own Azurite, Server and wrk included) was "
                + $"{MarkdownReport.Number(loads.Min(), "0.0")} to {MarkdownReport.Number(loads.Max(), "0.0")}, median {MarkdownReport.Number(loads.Order().ElementAt(loads.Count / 2), "0.0")}, "
                + $"on {Environment.ProcessorCount} CPUs.");
        }

        foreach (var (endpoint, results) in rows)
        {
            report.Note($"## {endpoint}").Table(
                ["Concurrency", "req/s", "p50", "p99", "Errors", "Repeated", "Baseline pairs/s", "Baseline p50", "Baseline p99", "Throughput ratio", "p50 ratio"],
                results.Select(r => (IReadOnlyList<string>)
                [
                    r.Endpoint.Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture), MarkdownReport.Number(r.Endpoint.PerSecond),
                    MarkdownReport.Ms(r.Endpoint.P50), MarkdownReport.Ms(r.Endpoint.P99), r.Endpoint.Errors.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    r.Endpoint.Repeated.ToString(System.Globalization.CultureInfo.InvariantCulture), MarkdownReport.Number(r.Baseline.PerSecond),
                    MarkdownReport.Ms(r.Baseline.P50), MarkdownReport.Ms(r.Baseline.P99),
                    MarkdownReport.Number(r.Endpoint.PerSecond / r.Baseline.PerSecond, "0.00"),
                    MarkdownReport.Number(r.Endpoint.P50 / r.Baseline.P50, "0.00"),
                ]));
        }

        return report;
    }
}
