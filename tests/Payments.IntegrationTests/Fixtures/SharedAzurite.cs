namespace Payments.IntegrationTests.Fixtures;

/// <summary>
/// The one Azurite every test class shares (a class fixture, so classes run in parallel): started by the first class
/// that needs it, stopped when the test process exits. Classes never see each other's rows: each test's tables have a
/// fresh prefix (<see cref="TablePrefix"/>). A test that stops storage starts its own.
/// </summary>
public sealed class SharedAzurite : AzuriteFixture
{
    private static readonly Lazy<Task<AzuriteFixture>> Process = new(
        StartSharedAsync,
        LazyThreadSafetyMode.ExecutionAndPublication
    );

    public override async Task InitializeAsync() => Port = (await Process.Value).Port;

    public override Task DisposeAsync() => Task.CompletedTask;

    private static async Task<AzuriteFixture> StartSharedAsync()
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().GetAwaiter().GetResult();
        return azurite;
    }
}
