using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Payments.Azure.Tables;

/// <summary>
/// The tables this service uses, every call on them bounded by <paramref name="timeout"/>. The fixed ones
/// (<see cref="All"/>) are created on start if missing; audit records go to one table per month
/// (<c>{prefix}audit{yyyyMM}</c>, UTC), created by the month's first write, so that retention deletes whole tables
/// instead of scanning rows.
/// </summary>
public sealed class PaymentTables(TableServiceClient service, string prefix, TimeSpan timeout)
{
    private const string MonthFormat = "yyyyMM";
    private readonly string auditPrefix = prefix + "audit";

    public StorageTable Orders { get; } = new(service.GetTableClient(prefix + "orders"), timeout);
    public StorageTable Due { get; } = new(service.GetTableClient(prefix + "orderdue"), timeout);
    public StorageTable Idempotency { get; } = new(service.GetTableClient(prefix + "idempotency"), timeout);
    public StorageTable Webhooks { get; } = new(service.GetTableClient(prefix + "webhooks"), timeout);

    /// <summary>The operators' index: what needs a person, by category (see <c>AttentionIndex</c>).</summary>
    public StorageTable Attention { get; } = new(service.GetTableClient(prefix + "attention"), timeout);

    /// <summary>Providers' numbers for our orders, to our ids (see <c>ReferenceIndex</c>).</summary>
    public StorageTable References { get; } = new(service.GetTableClient(prefix + "references"), timeout);

    /// <summary>Money movements and flags, a partition per UTC day (see <c>TableLedger</c>).</summary>
    public StorageTable Ledger { get; } = new(service.GetTableClient(prefix + "ledger"), timeout);

    /// <summary>
    /// Reconciliation runs (checkpoint and summary) and the HaiPay orders changed each day (see
    /// <c>TableReconciliationLog</c>, <c>ChangedIndex</c>).
    /// </summary>
    public StorageTable Reconciliation { get; } = new(service.GetTableClient(prefix + "reconciliation"), timeout);

    /// <summary>The tables created on start (audit month tables are created when first written).</summary>
    public IEnumerable<StorageTable> All =>
        [Orders, Due, Idempotency, Webhooks, Attention, References, Ledger, Reconciliation];

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        foreach (var table in All)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }
    }

    /// <summary>The audit table of the UTC month <paramref name="at"/> falls in (it may not exist yet).</summary>
    public StorageTable AuditMonth(DateTimeOffset at) =>
        new(
            service.GetTableClient(auditPrefix + at.UtcDateTime.ToString(MonthFormat, CultureInfo.InvariantCulture)),
            timeout
        );

    /// <summary>
    /// The audit month tables that exist, oldest first: one query over the account's table names (a range on this
    /// prefix), never over rows.
    /// </summary>
    public Task<IReadOnlyList<AuditMonthTable>> AuditMonthsAsync(CancellationToken cancellationToken) =>
        StorageTable.BoundAsync(auditPrefix + MonthFormat, timeout, ListAuditMonthsAsync, cancellationToken);

    private async Task<IReadOnlyList<AuditMonthTable>> ListAuditMonthsAsync(CancellationToken cancellationToken)
    {
        var (first, last) = (auditPrefix + "000000", auditPrefix + "999999");
        var filter = TableServiceClient.CreateQueryFilter($"TableName ge {first} and TableName le {last}");
        var months = new List<AuditMonthTable>();
        try
        {
            await foreach (var table in service.QueryAsync(filter, cancellationToken: cancellationToken))
            {
                if (
                    table.Name.Length == auditPrefix.Length + MonthFormat.Length
                    && DateTime.TryParseExact(
                        table.Name.AsSpan(auditPrefix.Length),
                        MonthFormat,
                        CultureInfo.InvariantCulture,
                        DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
                        out var month
                    )
                )
                {
                    var monthTable = new StorageTable(service.GetTableClient(table.Name), timeout);
                    months.Add(new AuditMonthTable(new DateTimeOffset(month, TimeSpan.Zero), monthTable));
                }
            }
        }
        catch (RequestFailedException e) when (StorageTable.Outcome(e) is { } outcome)
        {
            throw TableOutcomes.Unavailable(outcome, "Audit month tables query");
        }

        return [.. months.OrderBy(m => m.Start)];
    }
}

/// <summary>One month's audit table: records from <see cref="Start"/> (UTC) until <see cref="End"/>.</summary>
public sealed record AuditMonthTable(DateTimeOffset Start, StorageTable Table)
{
    public DateTimeOffset End => Start.AddMonths(1);
}
