using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Payments.Azure.Orders;
using Payments.Azure.Secrets;
using Payments.Azure.Webhooks;
using Payments.Core.Orders;
using Payments.Core.Text;
using Payments.Core.Webhooks;
using Payments.Http.Telemetry;
using Payments.Http.Webhooks;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.Storage.Contract;

namespace Payments.IntegrationTests.Webhooks;

/// <summary>
/// The outbox row is written before the order row that raises its event. A delivery run that reads the due row in
/// between (the event is due at once: it is due at its own time) finds the order without the event yet and forgets the
/// row; the order write then lands with the event and nothing is left to deliver it.
/// </summary>
public sealed class WebhookOutboxRaceTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task DeliveryRunBetweenOutboxWriteAndOrderWrite_EventStillDelivered()
    {
        var tables = azurite.CreateTables();
        await tables.CreateIfNotExistsAsync(default);
        var clock = new FakeTimeProvider(TestOrders.Now.AddMinutes(5));
        var outbox = new TableWebhookOutbox(tables, NullLogger<TableWebhookOutbox>.Instance);
        var store = new TableOrderRepository(tables, NullLogger<TableOrderRepository>.Instance);
        await using var receiver = await WebhookReceiver.StartAsync();
        var options = new FixedOptions<WebhookOptions>(new WebhookOptions { Url = receiver.Url });
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?> { ["Secrets:Webhooks-SigningSecret"] = receiver.Secret }
            )
            .Build();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var http = new HttpClient();
        var gate = new RunBeforeOrderWrite(store);
        var orders = new OutboxFirstOrderRepository(gate, outbox);
        var dispatcher = new WebhookDispatcher(
            outbox,
            orders,
            new WebhookSender(http, options, clock),
            new WebhookSigningKeys(new ConfigurationSecretStore(config)),
            options,
            clock,
            NullLogger<WebhookDispatcher>.Instance,
            new PaymentsTelemetry(services.GetRequiredService<IMeterFactory>()),
            new WebhookIdleGate(clock)
        );

        var added = (await orders.AddAsync(TestOrders.New("race-paid"), default)).Order;
        var accepted = added.Value.Accept("ref", null, null, TestOrders.Now.AddMinutes(1)).Order;
        var pending = (await orders.FindAsync("race-paid", default))!;
        Assert.NotNull(await orders.TryReplaceAsync(pending, accepted, default));
        await dispatcher.RunOnceAsync(default);
        var beforePaid = receiver.Deliveries.Count;
        var current = (await orders.FindAsync("race-paid", default))!;
        var paid = current
            .Value.Settle(
                new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("2"), null),
                TestOrders.Now.AddMinutes(2)
            )
            .Order;

        // A scheduled delivery run happens to start after the outbox write and before the order write.
        gate.Before = () => dispatcher.RunOnceAsync(default);
        Assert.NotNull(await orders.TryReplaceAsync(current, paid, default));
        gate.Before = null;
        for (var run = 0; run < 3; run++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await dispatcher.RunOnceAsync(default);
        }

        var raised = (await orders.FindAsync("race-paid", default))!.Value.LastEvent!;
        Assert.Equal(OrderStatus.Succeeded, raised.Status);
        Assert.Contains(receiver.Deliveries.Skip(beforePaid), d => d.Id == raised.Id);
    }

    /// <summary>The order store, with something run just before each compare-and-swap of an order.</summary>
    private sealed class RunBeforeOrderWrite(IOrderRepository store) : IOrderRepository
    {
        public Func<Task>? Before { get; set; }

        public Task<Versioned<PaymentOrder>?> FindAsync(string orderId, CancellationToken cancellationToken) =>
            store.FindAsync(orderId, cancellationToken);

        public Task<Versioned<PaymentOrder>?> FindHaiPaySubscriptionAsync(
            string currency,
            string subscriptionNo,
            CancellationToken cancellationToken
        ) => store.FindHaiPaySubscriptionAsync(currency, subscriptionNo, cancellationToken);

        public Task<AddResult> AddAsync(PaymentOrder order, CancellationToken cancellationToken) =>
            store.AddAsync(order, cancellationToken);

        public async Task<string?> TryReplaceAsync(
            Versioned<PaymentOrder> current,
            PaymentOrder order,
            CancellationToken cancellationToken
        )
        {
            if (Before is { } before)
            {
                await before();
            }

            return await store.TryReplaceAsync(current, order, cancellationToken);
        }

        public IAsyncEnumerable<PaymentOrder> FindChildrenAsync(string parentId, CancellationToken cancellationToken) =>
            store.FindChildrenAsync(parentId, cancellationToken);

        public IAsyncEnumerable<Versioned<PaymentOrder>> FindDueAsync(
            PaymentProvider provider,
            DateTimeOffset now,
            int max,
            CancellationToken cancellationToken
        ) => store.FindDueAsync(provider, now, max, cancellationToken);

        public IAsyncEnumerable<ChangedOrder> FindChangedAsync(
            PaymentProvider provider,
            DateOnly day,
            string? after,
            CancellationToken cancellationToken
        ) => store.FindChangedAsync(provider, day, after, cancellationToken);
    }
}
