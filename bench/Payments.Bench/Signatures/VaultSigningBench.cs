using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Keys;
using Microsoft.Extensions.Logging.Abstractions;
using Payments.Azure.Signing;
using Payments.Bench.Reporting;
using Payments.Core.HaiPay;
using Payments.Core.Secrets;

namespace Payments.Bench.Signatures;

/// <summary>
/// What <c>HaiPay:Signing</c> = <c>KeyVaultKey</c> costs per signed call beside <c>LocalKey</c>: the same string to sign
/// through <see cref="LocalKeySigner"/> and through <see cref="KeyVaultKeySigner"/> (the real SDK pipeline) against an
/// in-process fake vault that signs with the same key. Counted: vault requests per signed call, by kind; timed (for
/// reading, never asserted): the process's own time per call, which excludes the network round trip to a real vault.
/// </summary>
public static class VaultSigningBench
{
    private const string Canonical =
        "accountNo=4000056655665556&amount=12.50&appId=1054&callBackUrl=https://shop.example/paid&clientType=WEB&"
        + "customerIp=142.250.191.174&cvv=7391&email=buyer@example.com&expiryMonth=11&expiryYear=2031&"
        + "name=Donald John Trump&notifyUrl=https://pay.example/api/haipay/notify&orderId=ord-20261122-000123&"
        + "partnerUserId=user-9527&phone=09123456789&subject=iPhone 16 ProMax 256G&key=bench-merchant-secret";

    public static async Task RunAsync(BenchOptions options)
    {
        var calls = options.Quick ? 200 : 2_000;
        using var key = RSA.Create(2048);
        var local = new LocalKeySigner(new OneSecret(Convert.ToBase64String(key.ExportPkcs8PrivateKey())));
        var vault = new FakeVault(key);
        var keys = new KeyClient(
            new Uri("https://bench-vault.vault.azure.net/"),
            new BenchCredential(),
            new KeyClientOptions { Transport = new HttpClientTransport(vault) }
        );
        var remote = new KeyVaultKeySigner(keys, NullLogger<KeyVaultKeySigner>.Instance);

        var same = await local.SignAsync("USD", Canonical, default) == await remote.SignAsync("USD", Canonical, default);
        var first = vault.Snapshot();
        var localTime = await TimeAsync(local, calls);
        vault.Reset();
        var remoteTime = await TimeAsync(remote, calls);
        var steady = vault.Snapshot();

        await new MarkdownReport("Vault signing: HaiPay requests signed by a Key Vault key beside a local key")
            .Note($"{calls} signatures of a 16-field collection request's string to sign (RSA 2048, SHA256WithRSA) per "
                + "signer, after one warm-up call each. `KeyVaultKey` goes through `KeyClient` → `CryptographyClient."
                + "SignDataAsync` (RS256) to an in-process fake vault that answers like Key Vault (401 challenge, "
                + "`keys/get`, `keys/sign`) and signs with the same key, so the SDK pipeline is real and the network is "
                + $"not. Both signers produced the same signature: **{same}**.")
            .Table(
                ["Signer", "Vault requests, first call", "Vault requests per signed call after it", "Process time per call"],
                [
                    ["LocalKey (secret in memory)", "0", "0", Micros(localTime, calls)],
                    [
                        "KeyVaultKey (vault signs)",
                        first.Describe(),
                        (steady.Total / (double)calls).ToString("0.00", CultureInfo.InvariantCulture)
                            + $" ({steady.Describe()})",
                        Micros(remoteTime, calls),
                    ],
                ]
            )
            .Note("The `KeyVaultKey` time includes the fake vault's own RSA signature (the work Key Vault does); both "
                + "times are this machine's, shared with other work during the run, and only the counts carry over. "
                + "Add one network round trip to the vault per signed call on Azure (this bench has none): read it as the "
                + "`Azure.Security.KeyVault.Keys` dependency duration in Application Insights. Key Vault counts each "
                + "sign against its per-vault limit (docs/scale.md, *HaiPay signing in Key Vault*).")
            .WriteAsync(options.Results, "vault-signing.md");
    }

    private static async Task<TimeSpan> TimeAsync(IHaiPaySigner signer, int calls)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            await signer.SignAsync("USD", Canonical, default);
        }

        return Stopwatch.GetElapsedTime(started);
    }

    private static string Micros(TimeSpan total, int calls) =>
        (total.TotalMicroseconds / calls).ToString("0", CultureInfo.InvariantCulture) + " µs";

    private sealed class OneSecret(string value) : ISecretStore
    {
        public ValueTask<string> GetAsync(string name, CancellationToken cancellationToken) => ValueTask.FromResult(value);

        public bool Invalidate(string name) => false;
    }

    private sealed class BenchCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("bench-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    /// <summary>Key Vault's answers to challenge, <c>keys/get</c> and <c>keys/sign</c>, counted by kind.</summary>
    private sealed class FakeVault(RSA key) : HttpMessageHandler
    {
        private readonly ConcurrentDictionary<string, int> counts = new();

        public Counts Snapshot() => new(new Dictionary<string, int>(counts));

        public void Reset() => counts.Clear();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            const string kid = "https://bench-vault.vault.azure.net/keys/HaiPay-USD-MerchantKey/v1";
            if (request.Headers.Authorization is null)
            {
                counts.AddOrUpdate("challenge", 1, (_, n) => n + 1);
                var challenge = new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent("{}") };
                challenge.Headers.TryAddWithoutValidation("WWW-Authenticate",
                    "Bearer authorization=\"https://login.microsoftonline.com/tenant\", resource=\"https://vault.azure.net\"");
                return challenge;
            }

            if (request.Method == HttpMethod.Get)
            {
                counts.AddOrUpdate("get", 1, (_, n) => n + 1);
                var p = key.ExportParameters(false);
                return Json(new { key = new { kid, kty = "RSA", key_ops = Operations, n = Url(p.Modulus!), e = Url(p.Exponent!) } });
            }

            counts.AddOrUpdate("sign", 1, (_, n) => n + 1);
            using var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            var digest = Convert.FromBase64String(Padded(body.RootElement.GetProperty("value").GetString()!));
            return Json(new { kid, value = Url(key.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)) });
        }

        private static readonly string[] Operations = ["sign", "verify"];

        private static HttpResponseMessage Json(object value) =>
            new(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json") };

        private static string Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        private static string Padded(string url)
        {
            var text = url.Replace('-', '+').Replace('_', '/');
            return text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        }
    }

    private sealed record Counts(Dictionary<string, int> ByKind)
    {
        public int Total => ByKind.Values.Sum();

        public string Describe() =>
            string.Join(", ", ByKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}"));
    }
}
