using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Payments.Client.Json;

namespace Payments.Client.Webhooks;

/// <summary>
/// Verifies the service's notifications (Standard Webhooks): HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c> keyed
/// with the Base64 part of a <c>whsec_</c> secret, any of the header's space-separated <c>v1,</c> signatures against
/// any of the secrets given (both are sent while the service rotates its secret; give two while you rotate yours),
/// compared in constant time, and a timestamp within <see cref="Tolerance"/> of now either way.
/// </summary>
public sealed class WebhookVerifier
{
    /// <summary>How far a notification's timestamp may be from now, either way, before it is refused.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private const string SecretPrefix = "whsec_";
    private const string Version = "v1,";

    private readonly byte[][] keys;
    private readonly TimeProvider time;

    /// <param name="secrets">
    /// One or more secrets, <c>whsec_</c> + Base64 (the prefix may be left off), e.g. the current and the previous
    /// one during a rotation.
    /// </param>
    /// <param name="time">The clock the tolerance is measured on; the system clock when null.</param>
    /// <exception cref="ArgumentException">No secret, or one that is not Base64.</exception>
    public WebhookVerifier(IEnumerable<string> secrets, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        keys = [.. secrets.Select(KeyOf)];
        if (keys.Length == 0)
        {
            throw new ArgumentException("At least one webhook secret is needed.", nameof(secrets));
        }

        this.time = time ?? TimeProvider.System;
    }

    public WebhookVerifier(string secret, TimeProvider? time = null)
        : this([secret], time) { }

    /// <summary>Verifies the notification and reads its event.</summary>
    /// <param name="id">The <c>webhook-id</c> header.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c> header.</param>
    /// <param name="signature">The <c>webhook-signature</c> header.</param>
    /// <param name="body">The request body exactly as received (read it before any JSON parsing).</param>
    /// <exception cref="WebhookVerificationException">It does not verify, or it is no event.</exception>
    public WebhookEvent Verify(string? id, string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        VerifySignature(id, timestamp, signature, body);
        try
        {
            var message = JsonSerializer.Deserialize<Message>(body, PaymentsJson.Options)
                ?? throw new WebhookVerificationException("The body is not an event.");
            return new WebhookEvent
            {
                Id = id!,
                Type = message.Type ?? throw new WebhookVerificationException("The event has no type."),
                Timestamp = message.Timestamp,
                Data = message.Data ?? throw new WebhookVerificationException("The event has no data."),
            };
        }
        catch (JsonException e)
        {
            throw new WebhookVerificationException("The body is not an event.", e);
        }
    }

    /// <summary>Checks only the headers and signature, for a body of any shape.</summary>
    /// <exception cref="WebhookVerificationException">It does not verify.</exception>
    public void VerifySignature(string? id, string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            throw new WebhookVerificationException("A webhook-id, webhook-timestamp or webhook-signature is missing.");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new WebhookVerificationException("The webhook-timestamp is not Unix seconds.");
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > (long)Tolerance.TotalSeconds)
        {
            throw new WebhookVerificationException("The webhook-timestamp is outside the tolerance.");
        }

        var signed = Content(id, timestamp, body);
        var expected = keys.Select(key => HMACSHA256.HashData(key, signed)).ToArray();
        var received = new byte[32];
        foreach (var entry in signature.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (
                entry.StartsWith(Version, StringComparison.Ordinal)
                && Convert.TryFromBase64String(entry[Version.Length..], received, out var length)
                && length == received.Length
                && expected.Any(mac => CryptographicOperations.FixedTimeEquals(mac, received))
            )
            {
                return;
            }
        }

        throw new WebhookVerificationException("No signature matches.");
    }

    private static byte[] Content(string id, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return content;
    }

    private static byte[] KeyOf(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal)
            ? secret[SecretPrefix.Length..]
            : secret;
        var key = new byte[encoded.Length];
        return Convert.TryFromBase64String(encoded, key, out var length) && length > 0
            ? key[..length]
            : throw new ArgumentException("A webhook secret is whsec_ followed by Base64.", nameof(secret));
    }

    private sealed record Message(string? Type, DateTimeOffset Timestamp, Models.Order? Data);
}
