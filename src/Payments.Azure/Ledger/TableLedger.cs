using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Payments.Azure.Tables;
using Payments.Core.Ledger;
using Payments.Core.Orders;

namespace Payments.Azure.Ledger;

/// <summary>
/// The ledger in Table Storage: partition <c>d{yyyyMMdd}</c> (UTC day), RowKey the entry's key; money as invariant
/// decimal text, never a double. A row is inserted unconfirmed (an existing one is kept as it is) and replaced by its
/// confirmed copy once the order write landed.
/// </summary>
public sealed class TableLedger(PaymentTables tables) : ILedger
{
    private const string What = "Ledger table";
    private const string ConfirmedColumn = "Confirmed";

    public static string Partition(DateOnly day) => "d" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public async Task WriteAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        var outcome = (await tables.Ledger.InsertAsync(ToEntity(entry, false), cancellationToken)).Outcome;
        if (outcome != TableOutcome.AlreadyExists)
        {
            TableOutcomes.Ensure(outcome, What);
        }
    }

    public async Task ConfirmAsync(LedgerEntry entry, CancellationToken cancellationToken) =>
        TableOutcomes.Ensure((await tables.Ledger.UpsertAsync(ToEntity(entry, true), cancellationToken)).Outcome, What);

    public async Task DropAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var outcome = await tables.Ledger.DeleteAsync(Partition(entry.Day), entry.Key, "*", cancellationToken);
        if (outcome != TableOutcome.NotFound)
        {
            TableOutcomes.Ensure(outcome, What);
        }
    }

    public async IAsyncEnumerable<LedgerRow> ReadDayAsync(
        DateOnly day,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(day)}");
        await foreach (var row in tables.Ledger.QueryAsync(filter, null, 1000, cancellationToken))
        {
            yield return new LedgerRow(FromEntity(day, row), row.GetBoolean(ConfirmedColumn) ?? false);
        }
    }

    private static TableEntity ToEntity(LedgerEntry entry, bool confirmed)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new TableEntity(Partition(entry.Day), entry.Key)
        {
            ["Kind"] = entry.Kind.ToString(),
            ["OrderId"] = entry.OrderId,
            ["Provider"] = entry.Provider.ToString(),
            ["OrderKind"] = entry.OrderKind.ToString(),
            ["Status"] = entry.Status.ToString(),
            ["At"] = entry.At,
            ["ParentOrderId"] = entry.ParentOrderId,
            ["Currency"] = entry.Currency,
            ["Amount"] = EntityValues.MoneyText(entry.Amount),
            ["ReceivedAmount"] = EntityValues.MoneyText(entry.ReceivedAmount),
            ["Fee"] = EntityValues.MoneyText(entry.Fee),
            ["ReviewReason"] = entry.ReviewReason?.Name(),
            ["ProviderReference"] = entry.ProviderReference,
            ["ByOperator"] = entry.ByOperator,
            [ConfirmedColumn] = confirmed,
        };
    }

    private static LedgerEntry FromEntity(DateOnly day, TableEntity row) =>
        new()
        {
            Day = day,
            Key = row.RowKey,
            Kind = Enum.Parse<LedgerEntryKind>(row.GetString("Kind")!),
            OrderId = row.GetString("OrderId")!,
            Provider = Enum.Parse<PaymentProvider>(row.GetString("Provider")!),
            OrderKind = Enum.Parse<OrderKind>(row.GetString("OrderKind")!),
            Status = Enum.Parse<OrderStatus>(row.GetString("Status")!),
            At = row.GetDateTimeOffset("At")!.Value,
            ParentOrderId = row.GetString("ParentOrderId"),
            Currency = row.GetString("Currency"),
            Amount = row.GetMoney("Amount"),
            ReceivedAmount = row.GetMoney("ReceivedAmount"),
            Fee = row.GetMoney("Fee"),
            ReviewReason = ReviewReasons.Parse(row.GetString("ReviewReason")),
            ProviderReference = row.GetString("ProviderReference"),
            ByOperator = row.GetBoolean("ByOperator") ?? false,
        };
}
