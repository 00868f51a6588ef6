using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Storage.Contract;

// Each contract runs against the Table stores on Azurite and against the in-memory stores.

[Collection(AzuriteGroup.Name)]
public sealed class TableOrderStoreContractTests(AzuriteFixture azurite) : OrderStoreContract(new TableStores(azurite));

public sealed class InMemoryOrderStoreContractTests() : OrderStoreContract(new InMemoryStores());

[Collection(AzuriteGroup.Name)]
public sealed class TableWebhookOutboxContractTests(AzuriteFixture azurite)
    : WebhookOutboxContract(new TableStores(azurite));

public sealed class InMemoryWebhookOutboxContractTests() : WebhookOutboxContract(new InMemoryStores());

[Collection(AzuriteGroup.Name)]
public sealed class TableIdempotencyStoreContractTests(AzuriteFixture azurite)
    : IdempotencyStoreContract(new TableStores(azurite));

public sealed class InMemoryIdempotencyStoreContractTests() : IdempotencyStoreContract(new InMemoryStores());

[Collection(AzuriteGroup.Name)]
public sealed class TableAuditLogContractTests(AzuriteFixture azurite) : AuditLogContract(new TableStores(azurite));

public sealed class InMemoryAuditLogContractTests() : AuditLogContract(new InMemoryStores());

[Collection(AzuriteGroup.Name)]
public sealed class TableAttentionListContractTests(AzuriteFixture azurite)
    : AttentionListContract(new TableStores(azurite));

public sealed class InMemoryAttentionListContractTests() : AttentionListContract(new InMemoryStores());
