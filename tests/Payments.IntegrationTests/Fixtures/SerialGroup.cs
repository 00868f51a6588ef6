namespace Payments.IntegrationTests.Fixtures;

/// <summary>
/// Tests that must run alone, after the parallel ones: they listen to process-wide telemetry (activity and meter
/// listeners see every host in the process).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialGroup : ICollectionFixture<SharedAzurite>
{
    public const string Name = "Serial";
}
