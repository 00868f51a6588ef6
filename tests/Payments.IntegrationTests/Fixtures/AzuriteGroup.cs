namespace Payments.IntegrationTests.Fixtures;

/// <summary>Tests that share one Azurite; each test class uses its own table prefix.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
