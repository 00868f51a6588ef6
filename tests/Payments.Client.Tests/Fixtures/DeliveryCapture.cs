using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Payments.Testing;

namespace Payments.Client.Tests.Fixtures;

/// <summary>
/// An endpoint that keeps each notification exactly as it arrived (headers and body bytes) and answers 204; it
/// verifies nothing.
/// </summary>
public sealed class DeliveryCapture : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<CapturedDelivery> deliveries = new();

    private DeliveryCapture(int port)
    {
        Url = new Uri($"http://127.0.0.1:{port}/webhooks");
        var builder = WebApplication.CreateSlimBuilder(["--urls", $"http://127.0.0.1:{port}"]);
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/webhooks", CaptureAsync);
    }

    public Uri Url { get; }

    public IReadOnlyList<CapturedDelivery> Deliveries => [.. deliveries];

    public static async Task<DeliveryCapture> StartAsync()
    {
        var capture = new DeliveryCapture(FreePort.Next());
        await capture.app.StartAsync();
        return capture;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task<IResult> CaptureAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        deliveries.Enqueue(new CapturedDelivery(headers, body.ToArray()));
        return Results.NoContent();
    }
}

/// <summary>One notification as received: header names lower-cased, the body's bytes.</summary>
public sealed record CapturedDelivery(IReadOnlyDictionary<string, string> Headers, byte[] Body);
