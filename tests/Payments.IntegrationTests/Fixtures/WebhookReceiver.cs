using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Payments.Testing;

namespace Payments.IntegrationTests.Fixtures;

/// <summary>
/// A merchant back end on a loopback port. It checks every notification's Standard Webhooks signature on its own
/// (HMAC-SHA256 written here, not the service's code) and answers as <see cref="Answer"/> says.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>32 random bytes in the Standard Webhooks secret format; a fresh one per receiver.</summary>
    public string Secret { get; } = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly WebApplication app;
    private readonly ConcurrentQueue<Delivery> deliveries = new();
    private readonly ConcurrentDictionary<string, int> attemptsById = new(StringComparer.Ordinal);

    private WebhookReceiver(int port)
    {
        Url = new Uri($"http://127.0.0.1:{port}/webhooks");
        var builder = WebApplication.CreateSlimBuilder(["--urls", $"http://127.0.0.1:{port}"]);
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/webhooks", ReceiveAsync);
    }

    public Uri Url { get; }

    /// <summary>
    /// Decides the status for an attempt: the event id and how many attempts at it arrived (1 = the first). Default
    /// 204.
    /// </summary>
    public Func<string, int, int> Answer { get; set; } = (_, _) => 204;

    /// <summary>How long to wait before answering (to exceed the sender's timeout).</summary>
    public TimeSpan Delay { get; set; }

    public IReadOnlyList<Delivery> Deliveries => [.. deliveries];

    /// <summary>Deliveries this receiver acknowledged with 2xx.</summary>
    public IReadOnlyList<Delivery> Accepted => [.. deliveries.Where(d => d.Answered is >= 200 and < 300)];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver(FreePort.Next());
        await receiver.app.StartAsync();
        return receiver;
    }

    /// <summary>Waits until <paramref name="done"/> holds for the accepted deliveries.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<Delivery>, bool> done, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!done(Accepted))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"Accepted so far: {string.Join(", ", Accepted.Select(d => $"{d.OrderId}:{d.Type}"))}"
                );
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// The signatures in a header that verify with <paramref name="secret"/> (Standard Webhooks, v1).
    /// </summary>
    public static bool Verifies(string secret, string id, string timestamp, byte[] body, string signatureHeader)
    {
        using var hmac = new HMACSHA256(Convert.FromBase64String(secret["whsec_".Length..]));
        var expected = hmac.ComputeHash([.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body]);
        return signatureHeader
            .Split(' ')
            .Any(part =>
                part.StartsWith("v1,", StringComparison.Ordinal)
                && CryptographicOperations.FixedTimeEquals(expected, Convert.FromBase64String(part[3..]))
            );
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var headers = context.Request.Headers;
        var id = headers["webhook-id"].ToString();
        var timestamp = headers["webhook-timestamp"].ToString();
        var signature = headers["webhook-signature"].ToString();
        var attempt = attemptsById.AddOrUpdate(id, 1, (_, n) => n + 1);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        var status = Answer(id, attempt);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        deliveries.Enqueue(
            new Delivery(
                id,
                timestamp,
                signature,
                Verifies(Secret, id, timestamp, body, signature),
                root.GetProperty("type").GetString()!,
                root.GetProperty("data").GetProperty("orderId").GetString()!,
                root.GetProperty("data").GetProperty("status").GetString()!,
                body,
                status
            )
        );
        context.Response.StatusCode = status;
    }

    /// <summary>
    /// One notification as received: headers, whether its signature verified here, what it says and what was answered.
    /// </summary>
    public sealed record Delivery(
        string Id,
        string Timestamp,
        string Signature,
        bool SignatureValid,
        string Type,
        string OrderId,
        string OrderStatus,
        byte[] Body,
        int Answered
    );
}
