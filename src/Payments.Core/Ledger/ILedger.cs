namespace Payments.Core.Ledger;

/// <summary>
/// The ledger's rows in durable storage: one partition per UTC day, one row per entry, written before the order write
/// that makes the entry and confirmed once that write landed. A day is read as one partition, never by a scan.
/// </summary>
public interface ILedger
{
    /// <summary>Writes the entry, unconfirmed; writing the same entry again changes nothing.</summary>
    Task WriteAsync(LedgerEntry entry, CancellationToken cancellationToken);

    /// <summary>Marks the entry's order write as landed, so readers need not ask the order.</summary>
    Task ConfirmAsync(LedgerEntry entry, CancellationToken cancellationToken);

    /// <summary>Deletes an entry whose order write failed; deleting one that is gone changes nothing.</summary>
    Task DropAsync(LedgerEntry entry, CancellationToken cancellationToken);

    /// <summary>Every row of the UTC <paramref name="day"/>, confirmed or not, in key order.</summary>
    IAsyncEnumerable<LedgerRow> ReadDayAsync(DateOnly day, CancellationToken cancellationToken);
}

/// <summary>A ledger row as stored: the entry and whether its order write is known to have landed.</summary>
public sealed record LedgerRow(LedgerEntry Entry, bool Confirmed);
