using System.Globalization;
using System.Runtime.CompilerServices;
using Payments.Core.Audit;
using Payments.Core.Operations;

namespace Payments.Testing.InMemory;

/// <summary>
/// <see cref="IAuditLog"/> in memory, with the Table log's answers (proven by the storage contract tests): records in
/// one store per UTC month of their time (created by its first write, purged whole), partitioned as the table's are
/// (per order, or per day for messages about no order and for operators' actions about none), once-keys and the cap on
/// unverified summaries per partition and month, and the attention items of the messages operators must see
/// (<see cref="MessageAttention"/>). Thread-safe.
/// </summary>
public sealed class InMemoryAuditLog(AuditOptions options) : IAuditLog
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<DateTimeOffset, Month> months = [];
    private readonly List<(string Key, AttentionItem Item)> messages = [];
    private long sequence;

    public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (gate)
        {
            var month = MonthOf(record.At);
            var partition = Partition(record.OrderId, record.Kind, record.At);
            if (record.OnceKey is not { } once || month.Once.Add((partition, once)))
            {
                Add(month, partition, record);
            }
        }

        return Task.CompletedTask;
    }

    public Task RecordUnverifiedAsync(AuditRecord summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        lock (gate)
        {
            var month = MonthOf(summary.At);
            var partition = summary.OrderId is null
                ? $"unverified-{Day(summary.At)}"
                : Partition(summary.OrderId, summary.Kind, summary.At);
            var count = month.Counts.GetValueOrDefault(partition) + 1;
            month.Counts[partition] = count;
            if (count <= options.UnverifiedPerPartition)
            {
                Add(month, partition, summary);
            }
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<AuditRecord> ListAsync(
        string? orderId,
        DateTimeOffset day,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        await Task.Yield();
        List<AuditRecord> listed;
        lock (gate)
        {
            string[] partitions = orderId is null
                ? [$"unmatched-{Day(day)}", $"unverified-{Day(day)}", $"operator-{Day(day)}"]
                : [Partition(orderId, string.Empty, day)];
            var dayMonth = MonthStart(day);
            listed =
            [
                .. partitions.SelectMany(partition =>
                    months
                        .Where(m => orderId is not null || m.Key == dayMonth)
                        .SelectMany(m => m.Value.Rows.GetValueOrDefault(partition) ?? [])
                        .OrderBy(r => r.At.UtcTicks)
                        .ThenBy(r => r.Sequence)
                        .Select(r => r.Record)
                ),
            ];
        }

        foreach (var record in listed)
        {
            yield return record;
        }
    }

    public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var ended = months.Keys.Where(start => start.AddMonths(1) <= before).ToList();
            ended.ForEach(start => months.Remove(start));
            messages.RemoveAll(m => m.Item.Since < before);
            return Task.FromResult(ended.Count);
        }
    }

    /// <summary>
    /// The items of <paramref name="category"/>'s messages, each with its key (newest first, as the table's), in key
    /// order.
    /// </summary>
    internal IReadOnlyList<(string Key, AttentionItem Item)> Messages(AttentionCategory category)
    {
        lock (gate)
        {
            return [.. messages.Where(m => m.Item.Category == category).OrderBy(m => m.Key, StringComparer.Ordinal)];
        }
    }

    private void Add(Month month, string partition, AuditRecord record)
    {
        if (MessageAttention.For(record) is { } item)
        {
            var inverted = DateTimeOffset.MaxValue.UtcTicks - record.At.UtcTicks;
            messages.Add((InMemoryKeys.TimeKey(inverted, Guid.NewGuid().ToString("N")), item));
        }

        if (!month.Rows.TryGetValue(partition, out var rows))
        {
            month.Rows[partition] = rows = [];
        }

        rows.Add(new Row(record, record.At, ++sequence));
    }

    private Month MonthOf(DateTimeOffset at)
    {
        var start = MonthStart(at);
        if (!months.TryGetValue(start, out var month))
        {
            months[start] = month = new Month();
        }

        return month;
    }

    private static DateTimeOffset MonthStart(DateTimeOffset at) =>
        new(at.UtcDateTime.Year, at.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Partition(string? orderId, string kind, DateTimeOffset at) =>
        orderId switch
        {
            null when AuditKinds.IsOperator(kind) => $"operator-{Day(at)}",
            null => $"unmatched-{Day(at)}",
            _ => "o-" + orderId,
        };

    private sealed record Row(AuditRecord Record, DateTimeOffset At, long Sequence);

    private sealed class Month
    {
        public Dictionary<string, List<Row>> Rows { get; } = new(StringComparer.Ordinal);

        public HashSet<(string Partition, string Key)> Once { get; } = [];

        public Dictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);
    }
}
