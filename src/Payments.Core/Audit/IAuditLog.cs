namespace Payments.Core.Audit;

public interface IAuditLog
{
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Records the summary of a message that did not verify, at most <see cref="AuditOptions.UnverifiedPerPartition"/>
    /// per partition (claimed on a counter row by compare-and-swap); past the cap it is only counted.
    /// </summary>
    Task RecordUnverifiedAsync(AuditRecord summary, CancellationToken cancellationToken);

    /// <summary>
    /// Records about one order, oldest first; <paramref name="orderId"/> null for that day's records about no order:
    /// messages about unknown orders (signed, then unverified), then what operators did that concerns no order.
    /// </summary>
    IAsyncEnumerable<AuditRecord> ListAsync(string? orderId, DateTimeOffset day, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes, whole months at a time and without reading a record, every month of records that ended at or before
    /// <paramref name="before"/>; returns how many months went. Months the store may not drop
    /// (<see cref="AuditOptions.DropExpiredMonths"/> off, or the delete refused for want of permission) are left and
    /// reported, not thrown.
    /// </summary>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
