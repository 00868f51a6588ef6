using Payments.Core.Orders;

namespace Payments.Core.Ledger;

/// <summary>
/// Reads a day of the ledger as it holds: confirmed rows as they are; an unconfirmed one (its order write may have
/// failed, or its confirmation) is kept and confirmed when its order keeps its mark, left out as unsettled while that
/// write may still be landing (<see cref="WriteInFlight"/>), and dropped otherwise. The day is one partition read,
/// plus one order read per unconfirmed row.
/// </summary>
public sealed class LedgerBook(ILedger ledger, IOrderRepository orders, TimeProvider time)
{
    public async Task<LedgerDay> ReadAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entries = new List<LedgerEntry>();
        var unsettled = 0;
        var orderReads = 0;
        await foreach (var row in ledger.ReadDayAsync(day, cancellationToken))
        {
            if (row.Confirmed)
            {
                entries.Add(row.Entry);
                continue;
            }

            orderReads++;
            var order = await orders.FindAsync(row.Entry.OrderId, cancellationToken);
            if (LedgerEntries.Holds(order?.Value, row.Entry))
            {
                entries.Add(row.Entry);
                await ledger.ConfirmAsync(row.Entry, cancellationToken);
            }
            else if (WriteInFlight.MayBe(row.Entry.At, now))
            {
                unsettled++;
            }
            else
            {
                await ledger.DropAsync(row.Entry, cancellationToken);
            }
        }

        return new LedgerDay(day, entries, unsettled, orderReads);
    }
}

/// <summary>
/// A day of the ledger: the entries that hold, how many rows were left out because their order write may still be
/// landing, and how many orders were read to decide.
/// </summary>
public sealed record LedgerDay(DateOnly Day, IReadOnlyList<LedgerEntry> Entries, int Unsettled, int OrderReads);
