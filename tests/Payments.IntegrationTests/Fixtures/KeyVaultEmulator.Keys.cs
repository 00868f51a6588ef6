using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Keys;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Payments.IntegrationTests.Fixtures;

/// <summary>
/// The Key Vault key sign operation: <c>POST /keys/{name}[/{version}]/sign</c> with <c>{"alg","value"}</c> (the
/// digest, base64url) answered <c>{"kid","value"}</c>. Without a version the key's current (latest imported) version
/// signs, as in Key Vault. The emulator holds the private keys the test imports; the client never sees them.
/// </summary>
public sealed partial class KeyVaultEmulator
{
    private readonly ConcurrentDictionary<string, List<(string Version, RSA Key)>> keys = new(StringComparer.Ordinal);
    private static readonly string[] KeyOperations = ["sign", "verify"];
    private readonly ConcurrentQueue<SignCall> signCalls = new();

    /// <summary>One sign request as received: the key and version it reached, its algorithm and digest.</summary>
    public sealed record SignCall(string Name, string? Version, string? Algorithm, byte[] Digest);

    /// <summary>When set, every key operation answers this status (403: the identity lacks the role; 500).</summary>
    public int? KeyFault { get; set; }

    /// <summary>Authorized sign requests, in order.</summary>
    public IReadOnlyCollection<SignCall> SignCalls => signCalls;

    /// <summary>Imports a new version of key <paramref name="name"/> (non-exportable: only signing uses it).</summary>
    /// <returns>The new version.</returns>
    public string ImportKey(string name, RSA key)
    {
        var copy = RSA.Create();
        copy.ImportParameters(key.ExportParameters(includePrivateParameters: true));
        var version = Guid.NewGuid().ToString("N");
        var versions = keys.GetOrAdd(name, _ => []);
        lock (versions)
        {
            versions.Add((version, copy));
        }

        return version;
    }

    /// <summary>A real KeyClient for this vault (same transport as <see cref="CreateClient"/>).</summary>
    public KeyClient CreateKeyClient(TokenCredential credential) =>
        new(
            VaultUri,
            credential,
            new KeyClientOptions
            {
                Transport = new HttpClientTransport(Handler()),
                Retry =
                {
                    MaxRetries = 1,
                    Delay = TimeSpan.FromMilliseconds(10),
                    NetworkTimeout = TimeSpan.FromSeconds(5),
                },
            }
        );

    private void MapKeys(WebApplication app)
    {
        app.MapGet("/keys/{name}/{version?}", (string name, string? version, HttpContext context) =>
            Get(name, version, context)
        );
        app.MapPost("/keys/{name}/sign", (string name, HttpContext context) => SignAsync(name, null, context));
        app.MapPost("/keys/{name}/{version}/sign", (string name, string version, HttpContext context) =>
            SignAsync(name, version, context)
        );
    }

    /// <summary>The key's public half as a JSON Web Key (what <c>keys/get</c> answers; the SDK asks once).</summary>
    private IResult Get(string name, string? version, HttpContext context)
    {
        if (Refused(context) is { } refused)
        {
            return refused;
        }

        if (KeyFault is { } status)
        {
            return Fault(status);
        }

        if (Find(name, version) is not { } chosen)
        {
            return NotFound(name);
        }

        var parameters = chosen.Key.ExportParameters(includePrivateParameters: false);
        return Results.Json(
            new
            {
                key = new
                {
                    kid = $"{VaultUri.AbsoluteUri}keys/{name}/{chosen.Version}",
                    kty = "RSA",
                    key_ops = KeyOperations,
                    n = WebEncoders.Base64UrlEncode(parameters.Modulus!),
                    e = WebEncoders.Base64UrlEncode(parameters.Exponent!),
                },
                attributes = new { enabled = true, exportable = false },
            }
        );
    }

    private async Task<IResult> SignAsync(string name, string? version, HttpContext context)
    {
        if (Refused(context) is { } refused)
        {
            return refused;
        }

        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var algorithm = body.RootElement.TryGetProperty("alg", out var alg) ? alg.GetString() : null;
        var digest = body.RootElement.TryGetProperty("value", out var value)
            ? WebEncoders.Base64UrlDecode(value.GetString() ?? string.Empty)
            : [];
        signCalls.Enqueue(new SignCall(name, version, algorithm, digest));
        if (KeyFault is { } status)
        {
            return Fault(status);
        }

        if (Find(name, version) is not { } chosen)
        {
            return NotFound(name);
        }

        if (algorithm != "RS256" || digest.Length != 32)
        {
            return Results.Json(
                new { error = new { code = "BadParameter", message = "RS256 over a SHA-256 digest only." } },
                statusCode: 400
            );
        }

        var signature = chosen.Key.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return Results.Json(
            new
            {
                kid = $"{VaultUri.AbsoluteUri}keys/{name}/{chosen.Version}",
                value = WebEncoders.Base64UrlEncode(signature),
            }
        );
    }

    /// <summary>The named version, or without one the current (latest imported); null when there is none.</summary>
    private (string Version, RSA Key)? Find(string name, string? version)
    {
        if (!keys.TryGetValue(name, out var versions))
        {
            return null;
        }

        lock (versions)
        {
            return version is null ? versions[^1]
                : versions.Any(v => v.Version == version) ? versions.Single(v => v.Version == version)
                : null;
        }
    }

    private static IResult NotFound(string name) =>
        Results.Json(new { error = new { code = "KeyNotFound", message = $"No key {name}." } }, statusCode: 404);

    private static IResult Fault(int status) =>
        Results.Json(
            new { error = new { code = status == 403 ? "Forbidden" : "InternalError", message = "Fault." } },
            statusCode: status
        );
}
