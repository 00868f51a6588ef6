using Microsoft.Extensions.Time.Testing;
using Payments.Core.Audit;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Storage.Contract;

/// <summary>
/// The base of the storage contract: each contract's tests run once against the Table stores (Azurite) and once against
/// the in-memory ones, so the two cannot answer differently without a test failing.
/// </summary>
public abstract class StoreContract(IStoreFactory factory)
{
    /// <summary>Fresh stores on a clock at <see cref="TestOrders.Now"/>.</summary>
    protected Task<StoreSet> StoresAsync(Action<AuditOptions>? configure = null)
    {
        var audit = new AuditOptions();
        configure?.Invoke(audit);
        return factory.CreateAsync(new FakeTimeProvider(TestOrders.Now), audit);
    }
}
