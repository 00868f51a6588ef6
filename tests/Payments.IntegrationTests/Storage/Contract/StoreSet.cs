using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Payments.Azure.Audit;
using Payments.Azure.Idempotency;
using Payments.Azure.Ledger;
using Payments.Azure.Operations;
using Payments.Azure.Orders;
using Payments.Azure.Reconciliation;
using Payments.Azure.Webhooks;
using Payments.Core.Audit;
using Payments.Core.Idempotency;
using Payments.Core.Ledger;
using Payments.Core.Operations;
using Payments.Core.Orders;
using Payments.Core.Reconciliation;
using Payments.Core.Webhooks;
using Payments.IntegrationTests.Fixtures;
using Payments.Testing.InMemory;

namespace Payments.IntegrationTests.Storage.Contract;

/// <summary>One of each store, fresh and empty, on one clock and one set of audit settings.</summary>
public sealed record StoreSet(
    IOrderRepository Orders,
    IWebhookOutbox Outbox,
    IIdempotencyStore Idempotency,
    IAuditLog Audit,
    IAttentionList Attention,
    FakeTimeProvider Clock,
    AuditOptions AuditOptions
)
{
    /// <summary>The ledger; set by each factory (the stores above keep their positions).</summary>
    public required ILedger Ledger { get; init; }

    /// <summary>Reconciliation differences (listed by <see cref="Attention"/>) and runs.</summary>
    public required IReconciliationLog Reconciliation { get; init; }
}

/// <summary>Makes the stores a contract test runs against.</summary>
public interface IStoreFactory
{
    /// <summary>Fresh stores whose time is <paramref name="clock"/>'s, audited with <paramref name="audit"/>.</summary>
    Task<StoreSet> CreateAsync(FakeTimeProvider clock, AuditOptions audit);
}

/// <summary>The Table stores, each test on tables of its own in the shared Azurite.</summary>
public sealed class TableStores(AzuriteFixture azurite) : IStoreFactory
{
    public async Task<StoreSet> CreateAsync(FakeTimeProvider clock, AuditOptions audit)
    {
        var tables = azurite.CreateTables();
        await tables.CreateIfNotExistsAsync(default);
        var auditOptions = new FixedOptions<AuditOptions>(audit);
        var orders = new TableOrderRepository(tables, NullLogger<TableOrderRepository>.Instance);
        return new StoreSet(
            orders,
            new TableWebhookOutbox(tables, NullLogger<TableWebhookOutbox>.Instance),
            new TableIdempotencyStore(tables),
            new TableAuditLog(tables, auditOptions, NullLogger<TableAuditLog>.Instance),
            new TableAttentionList(tables, orders, auditOptions, clock, NullLogger<TableAttentionList>.Instance),
            clock,
            audit
        )
        {
            Ledger = new TableLedger(tables),
            Reconciliation = new TableReconciliationLog(tables),
        };
    }
}

/// <summary>The in-memory stores the use-case tests run on.</summary>
public sealed class InMemoryStores : IStoreFactory
{
    public Task<StoreSet> CreateAsync(FakeTimeProvider clock, AuditOptions audit)
    {
        var orders = new InMemoryOrderRepository();
        var log = new InMemoryAuditLog(audit);
        var reconciliation = new InMemoryReconciliationLog();
        return Task.FromResult(
            new StoreSet(
                orders,
                new InMemoryWebhookOutbox(),
                new InMemoryIdempotencyStore(),
                log,
                new InMemoryAttentionList(orders, log, audit, clock, reconciliation),
                clock,
                audit
            )
            {
                Ledger = new InMemoryLedger(),
                Reconciliation = reconciliation,
            }
        );
    }
}

/// <summary>Options that never change.</summary>
internal sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
