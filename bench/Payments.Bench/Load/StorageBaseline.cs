using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Payments.Azure;
using Payments.Azure.Tables;

namespace Payments.Bench.Load;

/// <summary>
/// The storage work an endpoint cannot avoid, issued straight at the same Azurite with Azure.Data.Tables' own
/// <see cref="TableClient"/> (the service's client, without the service's seam): read one order row, then replace it on
/// its ETag (compare-and-swap), each pair on a different seeded order.
/// </summary>
public static class StorageBaseline
{
    /// <summary>The orders table of the Server whose services these are, through its <see cref="TableServiceClient"/>.</summary>
    public static TableClient Orders(IServiceProvider services) =>
        services.GetRequiredService<TableServiceClient>().GetTableClient(services.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix + "orders");

    public static async Task<LoadResult> RunAsync(TableClient orders, IReadOnlyList<string> orderIds, int concurrency, TimeSpan duration)
    {
        var next = -1;
        var failures = 0L;
        var latencies = new List<double>[concurrency];
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = [];
            while (!stop.IsCancellationRequested)
            {
                var id = orderIds[Interlocked.Increment(ref next) % orderIds.Count];
                var started = Stopwatch.GetTimestamp();
                var written = await ReadAndReplaceAsync(orders, id, CancellationToken.None);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!written)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(concurrency, all.Length, elapsed, Percentile(all, 0.50), Percentile(all, 0.99), failures,
            Math.Max(0, all.Length - orderIds.Count));
    }

    /// <summary>How long one read and one conditional write of each order take, <paramref name="concurrency"/> orders at a time.</summary>
    public static async Task<TimeSpan> TimeAsync(TableClient orders, IReadOnlyList<string> orderIds, int concurrency)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(orderIds, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, ct) =>
        {
            if (!await ReadAndReplaceAsync(orders, id, ct))
            {
                throw new InvalidOperationException($"Baseline read or write of {id} failed.");
            }
        });
        return clock.Elapsed;
    }

    /// <summary>The pair itself: read the order row, write it back on its ETag. False when either failed.</summary>
    private static async Task<bool> ReadAndReplaceAsync(TableClient orders, string id, CancellationToken cancellationToken)
    {
        try
        {
            var entity = (await orders.GetEntityAsync<TableEntity>(TableKeys.Encode(id), "order", cancellationToken: cancellationToken)).Value;
            await orders.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException)
        {
            return false;
        }
    }

    private static TimeSpan Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)]);
}
