using Payments.Core.Ledger;
using Payments.Core.Orders;

namespace Payments.IntegrationTests.Storage.Contract;

/// <summary>
/// What every <see cref="ILedger"/> answers: a row per day and key, written unconfirmed and kept as first written,
/// confirmed by replacing, dropped, and read a day at a time with its money exact.
/// </summary>
public abstract class LedgerContract(IStoreFactory factory) : StoreContract(factory)
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 23, 59, 59, TimeSpan.Zero);

    private static LedgerEntry Entry(string key, DateTimeOffset at, decimal amount = 1000.01m) =>
        new()
        {
            Day = DateOnly.FromDateTime(at.UtcDateTime),
            Key = key,
            Kind = LedgerEntryKind.Collected,
            OrderId = "order/with#odd?chars " + key,
            Provider = PaymentProvider.HaiPay,
            OrderKind = OrderKind.Payment,
            Status = OrderStatus.Succeeded,
            At = at,
            Currency = "USD",
            Amount = amount,
            ReceivedAmount = 999.99m,
            Fee = 0.000001m,
            ReviewReason = ReviewReason.AmountMismatch,
            ProviderReference = "P1",
            ByOperator = true,
        };

    [Fact]
    public async Task Write_ReadDay_RoundTripsExactlyAndUnconfirmed()
    {
        var ledger = (await StoresAsync()).Ledger;
        var entry = Entry("k1", At);

        await ledger.WriteAsync(entry, default);

        var row = Assert.Single(await ledger.ReadDayAsync(entry.Day, default).ToListAsync());
        Assert.Equal(new LedgerRow(entry, Confirmed: false), row);
    }

    [Fact]
    public async Task Write_SameKeyAgain_FirstKeptAndAConfirmationNotUndone()
    {
        var ledger = (await StoresAsync()).Ledger;
        var first = Entry("k1", At);
        await ledger.WriteAsync(first, default);
        await ledger.ConfirmAsync(first, default);

        await ledger.WriteAsync(Entry("k1", At, amount: 5m), default);

        Assert.Equal(
            new LedgerRow(first, Confirmed: true),
            Assert.Single(await ledger.ReadDayAsync(first.Day, default).ToListAsync())
        );
    }

    [Fact]
    public async Task ReadDay_OnlyThatUtcDay_InKeyOrder()
    {
        var ledger = (await StoresAsync()).Ledger;
        await ledger.WriteAsync(Entry("b", At), default);
        await ledger.WriteAsync(Entry("a", At.AddSeconds(-5)), default);
        await ledger.WriteAsync(Entry("c", At.AddSeconds(1)), default);

        var day = await ledger.ReadDayAsync(new DateOnly(2026, 11, 22), default).ToListAsync();
        var next = await ledger.ReadDayAsync(new DateOnly(2026, 11, 23), default).ToListAsync();

        Assert.Equal(["a", "b"], day.Select(r => r.Entry.Key));
        Assert.Equal("c", Assert.Single(next).Entry.Key);
    }

    [Fact]
    public async Task Drop_RowGone_DroppingAgainChangesNothing()
    {
        var ledger = (await StoresAsync()).Ledger;
        var entry = Entry("k1", At);
        await ledger.WriteAsync(entry, default);

        await ledger.DropAsync(entry, default);
        await ledger.DropAsync(entry, default);

        Assert.Empty(await ledger.ReadDayAsync(entry.Day, default).ToListAsync());
    }
}
