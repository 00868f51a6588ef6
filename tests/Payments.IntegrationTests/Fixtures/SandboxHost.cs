using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Payments.Sandbox;

namespace Payments.IntegrationTests.Fixtures;

/// <summary>The provider sandbox on a loopback port.</summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private SandboxHost(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<SandboxHost> StartAsync(int port, IDictionary<string, string?> settings)
    {
        var url = $"http://127.0.0.1:{port}";
        var app = SandboxApp.Build(["--environment", "Production", "--urls", url], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
        });
        await app.StartAsync();
        return new SandboxHost(app, new Uri(url));
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
