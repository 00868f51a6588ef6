using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Payments.Testing;

namespace Payments.IntegrationTests.Fixtures;

/// <summary>
/// An HTTPS endpoint speaking the Key Vault secrets REST API (<c>GET /secrets/{name}[/{version}]</c>) and the key sign
/// operation (<c>KeyVaultEmulator.Keys.cs</c>) with Key
/// Vault's challenge-based bearer authentication: a request without a token gets 401 and a <c>WWW-Authenticate</c>
/// challenge naming <c>https://vault.azure.net</c>. It listens on loopback with a self-signed certificate for
/// its <see cref="VaultUri"/>'s host; <see cref="CreateClient"/> builds a real <see cref="SecretClient"/> whose
/// transport dials loopback and pins that certificate, so the client keeps its challenge resource verification on.
/// </summary>
public sealed partial class KeyVaultEmulator : IAsyncDisposable
{
    public const string Token = "emulator-access-token";

    private readonly WebApplication app;
    private readonly X509Certificate2 certificate;
    private readonly int port;
    private readonly ConcurrentDictionary<string, (string Value, string Version)> secrets = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, bool Authorized)> requests = new();

    private KeyVaultEmulator(WebApplication app, X509Certificate2 certificate, int port, Uri vaultUri)
    {
        VaultUri = vaultUri;
        this.app = app;
        this.certificate = certificate;
        this.port = port;
    }

    /// <summary>A vault host of its own: SecretClient caches the challenge per host for the whole process.</summary>
    public Uri VaultUri { get; }

    /// <summary>While true every secret read answers 503 (the vault is down).</summary>
    public bool Down { get; set; }

    /// <summary>Every request, in order, and whether it carried the expected bearer token.</summary>
    public IReadOnlyCollection<(string Path, bool Authorized)> Requests => requests;

    /// <summary>Authorized reads of secret <paramref name="name"/>.</summary>
    public int Reads(string name) =>
        requests.Count(r => r.Authorized && r.Path.StartsWith($"/secrets/{name}", StringComparison.OrdinalIgnoreCase));

    public static async Task<KeyVaultEmulator> StartAsync(IDictionary<string, string> initial)
    {
        var vaultUri = new Uri($"https://payments-{Guid.NewGuid().ToString("N")[..12]}.vault.azure.net/");
        var certificate = SelfSigned(vaultUri.Host);
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
            k.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(certificate))
        );
        var app = builder.Build();
        var emulator = new KeyVaultEmulator(app, certificate, port, vaultUri);
        foreach (var (name, value) in initial)
        {
            emulator.Set(name, value);
        }

        app.MapGet("/secrets/{name}/{version?}", (string name, HttpContext context) => emulator.Answer(name, context));
        emulator.MapKeys(app);
        await app.StartAsync();
        return emulator;
    }

    /// <summary>Stores a new version of the secret (what rotation does).</summary>
    public void Set(string name, string value) => secrets[name] = (value, Guid.NewGuid().ToString("N"));

    /// <summary>
    /// A real SecretClient for this vault; <paramref name="credential"/> hands out <see cref="Token"/>.
    /// </summary>
    public SecretClient CreateClient(TokenCredential credential)
    {
        var options = new SecretClientOptions
        {
            Transport = new HttpClientTransport(Handler()),
            Retry =
            {
                MaxRetries = 1,
                Delay = TimeSpan.FromMilliseconds(10),
                NetworkTimeout = TimeSpan.FromSeconds(5),
            },
        };
        return new SecretClient(VaultUri, credential, options);
    }

    /// <summary>Dials loopback and pins this emulator's certificate, whatever host the client names.</summary>
    private SocketsHttpHandler Handler() =>
        new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, _) =>
                    presented is not null && presented.GetCertHashString() == certificate.GetCertHashString(),
            },
        };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        certificate.Dispose();
    }

    private IResult Answer(string name, HttpContext context)
    {
        if (Refused(context) is { } refused)
        {
            return refused;
        }

        if (Down)
        {
            return Results.Json(
                new { error = new { code = "ServiceUnavailable", message = "The service is unavailable." } },
                statusCode: 503
            );
        }

        if (!secrets.TryGetValue(name, out var secret))
        {
            return Results.Json(
                new
                {
                    error = new
                    {
                        code = "SecretNotFound",
                        message = $"A secret with (name/id) {name} was not found in this key vault.",
                    },
                },
                statusCode: 404
            );
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return Results.Json(
            new
            {
                value = secret.Value,
                id = $"{VaultUri.AbsoluteUri}secrets/{name}/{secret.Version}",
                attributes = new
                {
                    enabled = true,
                    created = now,
                    updated = now,
                    recoveryLevel = "Recoverable+Purgeable",
                },
            }
        );
    }

    /// <summary>
    /// Records the request; answers the 401 challenge without the expected token and 400 without an api-version.
    /// </summary>
    private IResult? Refused(HttpContext context)
    {
        var authorized = context.Request.Headers.Authorization.ToString() == $"Bearer {Token}";
        requests.Enqueue((context.Request.Path.Value ?? string.Empty, authorized));
        if (!authorized)
        {
            context.Response.Headers.WWWAuthenticate =
                "Bearer authorization=\"https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47\", "
                + "resource=\"https://vault.azure.net\"";
            return Results.Json(
                new
                {
                    error = new
                    {
                        code = "Unauthorized",
                        message = "AKV10000: Request is missing a Bearer or PoP token.",
                    },
                },
                statusCode: 401
            );
        }

        if (string.IsNullOrEmpty(context.Request.Query["api-version"]))
        {
            return Results.Json(
                new { error = new { code = "BadParameter", message = "api-version is required" } },
                statusCode: 400
            );
        }

        return null;
    }

    private static X509Certificate2 SelfSigned(string host)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(
            DateTimeOffset.UtcNow.AddDays(-1),
            DateTimeOffset.UtcNow.AddDays(1)
        );
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
