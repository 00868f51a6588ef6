namespace Payments.Core.Audit;

public interface IAuditLog
{
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>Records about one order, oldest first; <paramref name="orderId"/> null for unmatched messages of that day.</summary>
    IAsyncEnumerable<AuditRecord> ListAsync(string? orderId, DateTimeOffset day, CancellationToken cancellationToken);
}
