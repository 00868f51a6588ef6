using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Storage.Contract;

// Each contract runs against the Table stores on Azurite and against the in-memory stores.

public sealed class TableOrderStoreContractTests(SharedAzurite azurite)
    : OrderStoreContract(new TableStores(azurite)),
        IClassFixture<SharedAzurite>;

public sealed class InMemoryOrderStoreContractTests() : OrderStoreContract(new InMemoryStores());

public sealed class TableWebhookOutboxContractTests(SharedAzurite azurite)
    : WebhookOutboxContract(new TableStores(azurite)),
        IClassFixture<SharedAzurite>;

public sealed class InMemoryWebhookOutboxContractTests() : WebhookOutboxContract(new InMemoryStores());

public sealed class TableIdempotencyStoreContractTests(SharedAzurite azurite)
    : IdempotencyStoreContract(new TableStores(azurite)),
        IClassFixture<SharedAzurite>;

public sealed class InMemoryIdempotencyStoreContractTests() : IdempotencyStoreContract(new InMemoryStores());

public sealed class TableAuditLogContractTests(SharedAzurite azurite)
    : AuditLogContract(new TableStores(azurite)),
        IClassFixture<SharedAzurite>;

public sealed class InMemoryAuditLogContractTests() : AuditLogContract(new InMemoryStores());

public sealed class TableAttentionListContractTests(SharedAzurite azurite)
    : AttentionListContract(new TableStores(azurite)),
        IClassFixture<SharedAzurite>;

public sealed class InMemoryAttentionListContractTests() : AttentionListContract(new InMemoryStores());

public sealed class TableLedgerContractTests(SharedAzurite azurite)
    : LedgerContract(new TableStores(azurite)),
        IClassFixture<SharedAzurite>;

public sealed class InMemoryLedgerContractTests() : LedgerContract(new InMemoryStores());
