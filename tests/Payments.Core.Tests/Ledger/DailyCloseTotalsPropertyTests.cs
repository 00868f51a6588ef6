using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Payments.Core.Ledger;
using Payments.Core.Orders;
using Payments.Core.Telemetry;
using Payments.Core.Tests.Text;
using Payments.Core.Text;
using Payments.Testing.InMemory;

namespace Payments.Core.Tests.Ledger;

/// <summary>
/// For any set of orders and transitions (successes, failures, partial collections, contradictions, late successes,
/// operator resolutions, refunds, charges, and writes that lose their race), the close's totals over the days they
/// span equal the sum of the orders' final amounts: nothing counted twice, nothing lost. Each seed is one scenario,
/// replayable by its number.
/// </summary>
public sealed class DailyCloseTotalsPropertyTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 20, 0, 0, TimeSpan.Zero);
    private static readonly decimal[] Amounts = [0.99m, 1.00m, 12.50m, 99.99m, 1000.00m];

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 60; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Close_AnyTransitions_TotalsEqualTheFinalAmounts(int seed)
    {
        var random = new Random(seed);
        var clock = new FakeTimeProvider(Start);
        var store = new InMemoryOrderRepository();
        var ledger = new InMemoryLedger();
        var orders = new OutboxFirstOrderRepository(store, new InMemoryWebhookOutbox(), null, ledger);
        var updater = new OrderUpdater(orders, clock, NullLogger<OrderUpdater>.Instance, NoPaymentsMetrics.Instance);
        var ids = new List<string>();

        for (var step = 0; step < 80; step++)
        {
            clock.Advance(TimeSpan.FromMinutes(random.Next(1, 90)));
            var now = clock.GetUtcNow();
            if (ids.Count == 0 || random.Next(4) == 0)
            {
                ids.Add(await AddAsync(orders, random, ids.Count, now));
                continue;
            }

            var id = ids[random.Next(ids.Count)];
            var current = (await orders.FindAsync(id, default))!;
            if (random.Next(8) == 0)
            {
                // A writer that read this version loses its race to the one below: its entry is written, its order
                // write refused.
                var stale = Change(current.Value, random.Next(7), random, now);
                await updater.UpdateAsync(id, (o, at) => o.ScheduleNextCheck(at.AddHours(1), null, at), default);
                await orders.TryReplaceAsync(current, stale.Flagged ?? stale.Order, default);
                continue;
            }

            var choice = random.Next(8);
            if (choice == 7 && current.Value is { Kind: OrderKind.Payment, Status: OrderStatus.Succeeded } paid)
            {
                ids.Add(await RefundAsync(orders, updater, paid, random, now));
                continue;
            }

            await updater.UpdateAsync(id, (o, at) => Change(o, choice, random, at), default);
        }

        clock.Advance(TimeSpan.FromDays(2));
        var book = new LedgerBook(ledger, orders, clock);
        var closes = new List<DailyClose>();
        for (
            var day = DateOnly.FromDateTime(Start.UtcDateTime);
            day < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            day = day.AddDays(1)
        )
        {
            closes.Add(DailyClose.Of(await book.ReadAsync(day, default), clock.GetUtcNow()));
        }

        var final = new List<PaymentOrder>();
        foreach (var id in ids.Distinct())
        {
            final.Add((await store.FindAsync(id, default))!.Value);
        }

        Assert.All(closes, c => Assert.False(c.Provisional));
        foreach (
            var group in final.Where(o => o.Status == OrderStatus.Succeeded).GroupBy(o => (o.Provider, o.Currency))
        )
        {
            var totals = closes
                .SelectMany(c => c.Totals)
                .Where(t => t.Provider == group.Key.Provider && t.Currency == group.Key.Currency)
                .ToList();
            decimal Expected(OrderKind kind) =>
                group.Where(o => o.Kind == kind).Sum(o => o.ReceivedAmount ?? o.Amount ?? 0m);
            Assert.Equal(
                (Expected(OrderKind.Payment), Expected(OrderKind.Refund), Expected(OrderKind.SubscriptionCharge)),
                (totals.Sum(t => t.Collected), totals.Sum(t => t.Refunded), totals.Sum(t => t.Charged))
            );
            Assert.Equal(group.Sum(o => o.Fee ?? 0m), totals.Sum(t => t.Fees));
        }

        var succeeded = final.Count(o => o.Status == OrderStatus.Succeeded && o.Kind != OrderKind.Subscription);
        Assert.Equal(
            succeeded,
            closes.Sum(c =>
                c.Totals.Sum(t =>
                    t.Counts[LedgerEntryKind.Collected]
                    + t.Counts[LedgerEntryKind.Refunded]
                    + t.Counts[LedgerEntryKind.Charged]
                )
            )
        );
    }

    private static async Task<string> AddAsync(
        OutboxFirstOrderRepository orders,
        Random random,
        int n,
        DateTimeOffset now
    )
    {
        var id = $"o{n}";
        var charge = random.Next(5) == 0;
        var provider = random.Next(2) == 0 ? PaymentProvider.HaiPay : PaymentProvider.HuaweiPin;
        var currency = random.Next(3) == 0 ? "EUR" : "USD";
        var created = PaymentOrder.Create(
            new NewOrder(
                id,
                provider,
                "fp",
                now.AddHours(72),
                Amounts[random.Next(Amounts.Length)],
                currency,
                Kind: charge ? OrderKind.SubscriptionCharge : OrderKind.Payment
            ),
            now
        );
        var order = charge
            ? created.Settle(Verdict(OrderStatus.Succeeded, created.Amount, random), now).Order
            : created.Accept("ref-" + id, TestLinks.Of("https://pay"), now.AddHours(72), now).Order;
        await orders.AddAsync(order, default);
        return id;
    }

    private static async Task<string> RefundAsync(
        OutboxFirstOrderRepository orders,
        OrderUpdater updater,
        PaymentOrder paid,
        Random random,
        DateTimeOffset now
    )
    {
        var id = paid.Id + "-refund";
        var refund = PaymentOrder
            .Create(
                new NewOrder(
                    id,
                    paid.Provider,
                    "fp",
                    now.AddHours(1),
                    paid.Amount,
                    paid.Currency,
                    Kind: OrderKind.Refund,
                    ParentOrderId: paid.Id
                ),
                now
            )
            .Accept("rf-" + id, null, now.AddHours(1), now)
            .Order;
        if (!(await orders.AddAsync(refund, default)).Added)
        {
            return id;
        }

        if (random.Next(3) > 0)
        {
            await updater.UpdateAsync(
                id,
                (o, at) => o.Settle(Verdict(OrderStatus.Succeeded, o.Amount, random), at),
                default
            );
        }

        return id;
    }

    /// <summary>One of the changes a provider or an operator makes, picked by <paramref name="choice"/>.</summary>
    private static Transition Change(PaymentOrder order, int choice, Random random, DateTimeOffset now) =>
        choice switch
        {
            0 or 1 => order.Settle(Verdict(OrderStatus.Succeeded, order.Amount, random), now),
            2 => order.Settle(Verdict(OrderStatus.Failed, order.Amount, random), now),
            3 => order.Apply(
                new ProviderVerdict(
                    OrderStatus.Pending,
                    ProviderText.Of("4"),
                    null,
                    ReviewReason.PartialCollection,
                    (order.Amount ?? 1m) / 2
                ),
                now
            ),
            4 => order.Resolve(random.Next(2) == 0 ? OrderStatus.Succeeded : OrderStatus.Failed, null, now),
            5 => order.Expire(now),
            _ => order.AwaitsAcknowledgement
                ? order.Acknowledge("alice", now)
                : order.GiveUpChecking(ReviewReason.ChecksExhausted, now),
        };

    private static ProviderVerdict Verdict(OrderStatus outcome, decimal? amount, Random random)
    {
        var short_ = random.Next(4) == 0;
        var received = short_ ? amount - 0.01m : amount;
        return new ProviderVerdict(
            outcome,
            ProviderText.Of(outcome == OrderStatus.Succeeded ? "2" : "3"),
            amount,
            short_ && outcome == OrderStatus.Succeeded ? ReviewReason.AmountMismatch : null,
            received,
            Fee: outcome == OrderStatus.Succeeded ? random.Next(0, 50) / 100m : null
        );
    }
}
