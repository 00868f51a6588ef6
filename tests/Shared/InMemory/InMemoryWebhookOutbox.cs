using System.Runtime.CompilerServices;
using Payments.Core.Operations;
using Payments.Core.Orders;
using Payments.Core.Webhooks;

namespace Payments.Testing.InMemory;

/// <summary>
/// <see cref="IWebhookOutbox"/> in memory, with the Table outbox's answers (proven by the storage contract tests): a
/// due index keyed like the table's (time, order; the event id and any scheduled body its value), delivery records
/// written by compare-and-swap, and the abandoned index in the table's key order, so its continuations are the
/// table's. Thread-safe.
/// </summary>
public sealed class InMemoryWebhookOutbox : IWebhookOutbox
{
    private readonly Lock gate = new();
    private readonly Dictionary<(long Ticks, string OrderId), (string EventId, string? Body)> due = [];
    private readonly Dictionary<(string OrderId, string EventId), Versioned<WebhookDelivery>> deliveries = [];
    private readonly SortedDictionary<string, (string OrderId, string EventId)> abandonedIndex = new(
        StringComparer.Ordinal
    );

    private readonly Dictionary<string, DateTimeOffset> disabled = new(StringComparer.Ordinal);

    public Task ScheduleAsync(string orderId, OrderEvent raised, string? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(raised);
        lock (gate)
        {
            due[(raised.OccurredAt.UtcTicks, orderId)] = (raised.Id, body);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<ScheduledWebhook> FindDueAsync(
        DateTimeOffset now,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await Task.Yield();
        List<(long Ticks, string OrderId)> entries;
        lock (gate)
        {
            entries =
            [
                .. due
                    .Keys.Where(k => k.Ticks <= now.UtcTicks)
                    .OrderBy(k => k.Ticks)
                    .ThenBy(k => k.OrderId, StringComparer.Ordinal),
            ];
        }

        foreach (var (ticks, orderId) in entries)
        {
            if (Current(ticks, orderId) is { } entry)
            {
                yield return entry;
            }
        }
    }

    public Task ForgetDueAsync(ScheduledWebhook entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (gate)
        {
            due.Remove((entry.DueAt.UtcTicks, entry.OrderId));
        }

        return Task.CompletedTask;
    }

    public Task<string?> TrySaveAsync(
        string orderId,
        WebhookDelivery delivery,
        string? version,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(delivery);
        lock (gate)
        {
            if (!delivery.IsFinished)
            {
                due[(delivery.NextAttemptAt.UtcTicks, orderId)] = (delivery.EventId, null);
            }
            else if (delivery is { State: WebhookDeliveryState.Abandoned, FinishedAt: { } at })
            {
                abandonedIndex[AbandonedKey(orderId, delivery.EventId, at)] = (orderId, delivery.EventId);
            }

            var key = (orderId, delivery.EventId);
            var stored = deliveries.GetValueOrDefault(key);
            if (version is null ? stored is not null : stored?.Version != version)
            {
                return Task.FromResult<string?>(null);
            }

            var saved = new Versioned<WebhookDelivery>(delivery, InMemoryKeys.NewVersion());
            deliveries[key] = saved;
            return Task.FromResult<string?>(saved.Version);
        }
    }

    public async Task<WebhookDelivery?> FindAsync(
        string orderId,
        string eventId,
        CancellationToken cancellationToken
    ) => (await FindVersionedAsync(orderId, eventId, cancellationToken))?.Value;

    public Task<(IReadOnlyList<WebhookDelivery> Deliveries, bool More)> ListDeliveriesAsync(
        string orderId,
        int limit,
        CancellationToken cancellationToken
    )
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (gate)
        {
            var all = deliveries.Where(d => d.Key.OrderId == orderId).Select(d => d.Value.Value).ToList();
            return Task.FromResult<(IReadOnlyList<WebhookDelivery>, bool)>(([.. all.Take(limit)], all.Count > limit));
        }
    }

    public Task<Versioned<WebhookDelivery>?> FindVersionedAsync(
        string orderId,
        string eventId,
        CancellationToken cancellationToken
    )
    {
        lock (gate)
        {
            return Task.FromResult(deliveries.GetValueOrDefault((orderId, eventId)));
        }
    }

    public async Task<bool> IsDisabledAsync(Uri endpoint, CancellationToken cancellationToken) =>
        await DisabledAtAsync(endpoint, cancellationToken) is not null;

    public Task DisableAsync(Uri endpoint, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (gate)
        {
            disabled[endpoint.AbsoluteUri] = at;
        }

        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> DisabledAtAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (gate)
        {
            return Task.FromResult(disabled.TryGetValue(endpoint.AbsoluteUri, out var at) ? at : (DateTimeOffset?)null);
        }
    }

    public Task<bool> EnableAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (gate)
        {
            return Task.FromResult(disabled.Remove(endpoint.AbsoluteUri));
        }
    }

    public Task<AbandonedDeliveryPage> ListAbandonedAsync(int limit, string? after, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 999);
        lock (gate)
        {
            var rows = abandonedIndex
                .Where(r => string.CompareOrdinal(r.Key, after ?? string.Empty) > 0)
                .Take(limit + 1)
                .ToList();
            var read = rows.Take(limit).ToList();
            var items = new List<AbandonedDelivery>(read.Count);
            foreach (var (key, (orderId, eventId)) in read)
            {
                var delivery = deliveries.GetValueOrDefault((orderId, eventId))?.Value;
                if (
                    delivery is { State: WebhookDeliveryState.Abandoned, FinishedAt: { } at }
                    && AbandonedKey(orderId, eventId, at) == key
                )
                {
                    items.Add(new AbandonedDelivery(orderId, delivery));
                }
                else
                {
                    abandonedIndex.Remove(key);
                }
            }

            var continuation = rows.Count > limit ? Continuation.Encode(read[^1].Key) : null;
            return Task.FromResult(new AbandonedDeliveryPage(items, continuation));
        }
    }

    public Task ForgetAbandonedAsync(AbandonedDelivery abandoned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(abandoned);
        if (abandoned.Delivery.FinishedAt is { } at)
        {
            lock (gate)
            {
                abandonedIndex.Remove(AbandonedKey(abandoned.OrderId, abandoned.Delivery.EventId, at));
            }
        }

        return Task.CompletedTask;
    }

    public async Task<string?> TryReplayAsync(
        string orderId,
        Versioned<WebhookDelivery> abandoned,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(abandoned);
        var replayed = abandoned.Value.Replay(now);
        var version = await TrySaveAsync(orderId, replayed, abandoned.Version, cancellationToken);
        if (version is not null)
        {
            await ForgetAbandonedAsync(new AbandonedDelivery(orderId, abandoned.Value), cancellationToken);
        }

        return version;
    }

    /// <summary>
    /// The entry, if its delivery still holds it (none yet, or pending at this time); a stale one is removed.
    /// </summary>
    private ScheduledWebhook? Current(long ticks, string orderId)
    {
        lock (gate)
        {
            if (!due.TryGetValue((ticks, orderId), out var entry))
            {
                return null;
            }

            var delivery = deliveries.GetValueOrDefault((orderId, entry.EventId));
            if (delivery is null || (!delivery.Value.IsFinished && delivery.Value.NextAttemptAt.UtcTicks == ticks))
            {
                var dueAt = new DateTimeOffset(ticks, TimeSpan.Zero);
                return new ScheduledWebhook(orderId, entry.EventId, dueAt, delivery, entry.Body);
            }

            due.Remove((ticks, orderId));
            return null;
        }
    }

    private static string AbandonedKey(string orderId, string eventId, DateTimeOffset at) =>
        InMemoryKeys.TimeKey(at.UtcTicks, $"{orderId}\n{eventId}");
}
