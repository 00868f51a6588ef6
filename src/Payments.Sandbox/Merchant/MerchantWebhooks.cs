using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Payments.Sandbox.Merchant;

/// <summary>
/// A stand-in for the merchant's back end: <c>POST /merchant/webhooks</c> checks each notification's Standard Webhooks
/// signature with <c>Sandbox:Merchant:WebhookSecret</c> (default: the local development secret) (204 when it verifies,
/// 401 otherwise) and keeps the last 200;
/// <c>GET /merchant/webhooks</c> lists them, newest first, each with the headers it came with
/// (<see cref="ShownHeaders"/>) and whether its signature verified. Each sandbox host keeps its own list
/// (<see cref="ReceivedWebhookLog"/>).
/// </summary>
public static partial class MerchantWebhooks
{
    /// <summary>
    /// The secret the Server's appsettings.Development.json signs with, so run-local needs no configuration.
    /// </summary>
    private const string DevelopmentSecret = "whsec_c2FuZGJveC13ZWJob29rLXNpZ25pbmctc2VjcmV0LTAx";

    /// <summary>
    /// The headers a delivery is listed with: the three Standard Webhooks headers a merchant verifies, and what the
    /// body is. Nothing else (no credential is ever among them).
    /// </summary>
    public static IReadOnlyList<string> ShownHeaders { get; } =
    ["webhook-id", "webhook-timestamp", "webhook-signature", "content-type", "user-agent"];

    public static IEndpointRouteBuilder MapMerchantWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/merchant/webhooks", ReceiveAsync);
        app.MapGet("/merchant/webhooks", (ReceivedWebhookLog log) => Results.Ok(log.Newest()));
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request,
        ReceivedWebhookLog log,
        IConfiguration configuration,
        TimeProvider time,
        ILogger<ReceivedWebhook> logger
    )
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var id = request.Headers["webhook-id"].ToString();
        var valid = Verifies(
            configuration["Sandbox:Merchant:WebhookSecret"] ?? DevelopmentSecret,
            id,
            request.Headers["webhook-timestamp"].ToString(),
            body,
            request.Headers["webhook-signature"].ToString()
        );
        string? type = null;
        try
        {
            type = JsonDocument.Parse(body).RootElement.GetProperty("type").GetString();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            valid = false;
        }

        var headers = ShownHeaders
            .Where(name => request.Headers.ContainsKey(name))
            .ToDictionary(name => name, name => request.Headers[name].ToString(), StringComparer.Ordinal);
        log.Add(new ReceivedWebhook(id, type, valid, time.GetUtcNow(), headers, Encoding.UTF8.GetString(body)));

        LogReceived(logger, id, type, valid);
        return valid ? Results.NoContent() : Results.Unauthorized();
    }

    private static bool Verifies(string secret, string id, string timestamp, byte[] body, string header)
    {
        if (!secret.StartsWith("whsec_", StringComparison.Ordinal) || Decode(secret[6..]) is not { } key)
        {
            return false;
        }

        byte[] content = [.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body];
        var expected = HMACSHA256.HashData(key, content);
        return header
            .Split(' ')
            .Any(part =>
                part.StartsWith("v1,", StringComparison.Ordinal)
                && Decode(part[3..]) is { } given
                && CryptographicOperations.FixedTimeEquals(expected, given)
            );
    }

    private static byte[]? Decode(string base64)
    {
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var length) ? bytes[..length] : null;
    }

    [LoggerMessage(
        EventId = 9051,
        Level = LogLevel.Information,
        Message = "Merchant received webhook {Id} ({Type}); signature valid: {Valid}"
    )]
    private static partial void LogReceived(ILogger logger, string id, string? type, bool valid);
}
