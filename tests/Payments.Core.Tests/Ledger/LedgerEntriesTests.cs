using Payments.Core.Ledger;
using Payments.Core.Orders;
using Payments.Core.Tests.Text;
using Payments.Core.Text;

namespace Payments.Core.Tests.Ledger;

/// <summary>
/// Which order writes make a ledger entry: money that moved (a success of a payment, refund or charge), money flagged
/// for a person, an operator's resolution; one entry per write, none for a repeat, a claim or an acknowledgement.
/// </summary>
public sealed class LedgerEntriesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 23, 59, 0, TimeSpan.Zero);

    private static PaymentOrder Pending(OrderKind kind = OrderKind.Payment) =>
        PaymentOrder
            .Create(new NewOrder("o1", PaymentProvider.HaiPay, "fp", Now.AddHours(72), 12.50m, "USD", Kind: kind), Now)
            .Accept("ref", TestLinks.Of("https://pay"), Now.AddHours(72), Now)
            .Order;

    private static ProviderVerdict Paid(decimal? received = 12.50m, decimal? fee = 0.30m) =>
        new(OrderStatus.Succeeded, ProviderText.Of("2"), 12.50m, ReceivedAmount: received, Fee: fee);

    [Theory]
    [InlineData(OrderKind.Payment, LedgerEntryKind.Collected)]
    [InlineData(OrderKind.Refund, LedgerEntryKind.Refunded)]
    [InlineData(OrderKind.SubscriptionCharge, LedgerEntryKind.Charged)]
    public void For_Success_OneMovementWithAmountsAndFeeOnTheDayOfTheWrite(OrderKind kind, LedgerEntryKind expected)
    {
        var pending = Pending(kind);
        var paid = pending.Settle(Paid(), Now.AddMinutes(2)).Order;

        var entry = Assert.IsType<LedgerEntry>(LedgerEntries.For(pending, paid));

        Assert.Equal(
            (expected, 12.50m, 12.50m, 0.30m, new DateOnly(2026, 11, 23), OrderStatus.Succeeded),
            (entry.Kind, entry.Amount, entry.Moved, entry.Fee, entry.Day, entry.Status)
        );
    }

    [Fact]
    public void For_RepeatedSuccessAndClaims_NoEntry()
    {
        var pending = Pending();
        var paid = pending.Settle(Paid(), Now.AddMinutes(2)).Order;

        Assert.Null(LedgerEntries.For(paid, paid.Settle(Paid(), Now.AddMinutes(3)).Order));
        Assert.Null(LedgerEntries.For(pending, pending.ClaimCheck(Now.AddMinutes(5), Now).Order));
        Assert.Null(LedgerEntries.For(null, pending));
    }

    [Fact]
    public void For_SameWriteTwice_SameKey_AndAnotherContentAnotherKey()
    {
        var pending = Pending();
        var a = LedgerEntries.For(pending, pending.Settle(Paid(), Now.AddMinutes(2)).Order)!;
        var again = LedgerEntries.For(pending, pending.Settle(Paid(), Now.AddMinutes(2)).Order)!;
        var other = LedgerEntries.For(pending, pending.Settle(Paid(received: 12.49m), Now.AddMinutes(2)).Order)!;

        Assert.Equal(a.Key, again.Key);
        Assert.NotEqual(a.Key, other.Key);
    }

    [Fact]
    public void For_SuccessWithAnotherAmount_WaitsForAPerson_FlaggedNothingMoved()
    {
        var pending = Pending();
        var mismatch = new ProviderVerdict(
            OrderStatus.Succeeded,
            ProviderText.Of("2"),
            null,
            ReviewReason.AmountMismatch,
            12.00m
        );
        var after = pending.Apply(mismatch, Now.AddMinutes(1)).Order;

        var entry = LedgerEntries.For(pending, after)!;

        Assert.Equal(
            (LedgerEntryKind.Flagged, ReviewReason.AmountMismatch, 0m),
            (entry.Kind, entry.ReviewReason, entry.Moved)
        );
    }

    [Fact]
    public void For_PartialCollectionThenOperatorFails_FlaggedThenResolvedNothingMoved()
    {
        var pending = Pending();
        var partial = new ProviderVerdict(
            OrderStatus.Pending,
            ProviderText.Of("4"),
            null,
            ReviewReason.PartialCollection,
            6m
        );
        var flagged = pending.Apply(partial, Now.AddMinutes(1)).Order;
        var failed = flagged.Resolve(OrderStatus.Failed, null, Now.AddMinutes(9)).Order;

        var flag = LedgerEntries.For(pending, flagged)!;
        var resolution = LedgerEntries.For(flagged, failed)!;

        Assert.Equal((LedgerEntryKind.Flagged, 0m), (flag.Kind, flag.Moved));
        Assert.Equal((LedgerEntryKind.Resolved, 0m, true), (resolution.Kind, resolution.Moved, resolution.ByOperator));
    }

    [Fact]
    public void For_OperatorDecidesSucceeded_CollectedByTheOperator()
    {
        var flagged = Pending().GiveUpChecking(ReviewReason.ChecksExhausted, Now.AddMinutes(1)).Order;
        var paid = flagged.Resolve(OrderStatus.Succeeded, null, Now.AddMinutes(9)).Order;

        var entry = LedgerEntries.For(flagged, paid)!;

        Assert.Equal((LedgerEntryKind.Collected, true, 12.50m), (entry.Kind, entry.ByOperator, entry.Moved));
    }

    [Fact]
    public void For_ContradictionOfASuccess_FlaggedOnce_AgainOnlyAfterAnAcknowledgement()
    {
        var paid = Pending().Settle(Paid(), Now.AddMinutes(2)).Order;
        var failed = new ProviderVerdict(OrderStatus.Failed, ProviderText.Of("3"), 12.50m);
        var flagged = paid.Settle(failed, Now.AddMinutes(3)).Flagged!;
        var seen = flagged.Acknowledge("alice", Now.AddMinutes(4)).Order;
        var again = seen.Settle(
            new ProviderVerdict(OrderStatus.Failed, ProviderText.Of("3"), 11m),
            Now.AddMinutes(5)
        ).Flagged!;

        Assert.Equal(LedgerEntryKind.Flagged, LedgerEntries.For(paid, flagged)!.Kind);
        Assert.Null(LedgerEntries.For(flagged, seen));
        Assert.Equal(LedgerEntryKind.Flagged, LedgerEntries.For(seen, again)!.Kind);
    }

    [Fact]
    public void Marked_KeepsTheMark_HoldsTellsTheEntryLanded()
    {
        var pending = Pending();
        var paid = pending.Settle(Paid(), Now.AddMinutes(2)).Order;
        var entry = LedgerEntries.For(pending, paid)!;

        var marked = LedgerEntries.Marked(paid, entry);

        Assert.True(LedgerEntries.Holds(marked, entry));
        Assert.False(LedgerEntries.Holds(paid, entry));
        Assert.Equal(1, marked.LedgerCount);
    }
}
