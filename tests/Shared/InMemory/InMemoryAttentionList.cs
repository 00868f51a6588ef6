using Payments.Core.Audit;
using Payments.Core.Operations;
using Payments.Core.Orders;

namespace Payments.Testing.InMemory;

/// <summary>
/// <see cref="IAttentionList"/> over the in-memory order store and audit log, with the Table listing's answers (proven
/// by the storage contract tests): the same keys in the same order (orders by when they started waiting, messages
/// newest first), pages of at most the limit continued after the last key read, stale orders older than asked and
/// messages within the audit retention.
/// </summary>
public sealed class InMemoryAttentionList(
    InMemoryOrderRepository orders,
    InMemoryAuditLog audit,
    AuditOptions options,
    TimeProvider time,
    InMemoryReconciliationLog? reconciliation = null
) : IAttentionList
{
    public Task<AttentionPage> ListAsync(AttentionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, 999);
        var now = time.GetUtcNow();
        var rows = query.Category switch
        {
            AttentionCategory.NeedsReview => orders
                .Snapshot()
                .Where(o =>
                    OrderAttention.NeedsReview(o) && (query.Reason is null || o.ReviewReason?.Name() == query.Reason)
                )
                .Select(o =>
                    (
                        Key: InMemoryKeys.TimeKey(OrderAttention.ReviewSince(o).UtcTicks, o.Id),
                        Item: OrderAttention.Item(query.Category, o)
                    )
                ),
            AttentionCategory.Stale => orders
                .Snapshot()
                .Where(o => OrderAttention.IsOpen(o) && o.CreatedAt.UtcTicks <= (now - query.OlderThan).UtcTicks)
                .Select(o =>
                    (
                        Key: InMemoryKeys.TimeKey(o.CreatedAt.UtcTicks, o.Id),
                        Item: OrderAttention.Item(query.Category, o)
                    )
                ),
            AttentionCategory.Reconciliation => (reconciliation?.Differences() ?? []).Where(m =>
                m.Item.Since > now - options.Retention
            ),
            _ => audit.Messages(query.Category).Where(m => m.Item.Since > now - options.Retention),
        };
        var page = rows.Where(r => string.CompareOrdinal(r.Key, query.After ?? string.Empty) > 0)
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Take(query.Limit + 1)
            .ToList();
        var read = page.Take(query.Limit).ToList();
        var continuation = page.Count > query.Limit ? Continuation.Encode(read[^1].Key) : null;
        return Task.FromResult(new AttentionPage([.. read.Select(r => r.Item)], continuation));
    }
}
