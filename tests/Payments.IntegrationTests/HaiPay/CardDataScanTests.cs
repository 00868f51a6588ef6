using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

/// <summary>Card data and keys go to HaiPay and nowhere else: not storage, not logs, not responses.</summary>
public sealed class CardDataScanTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task EveryHaiPayFlowIncludingSubscriptions_CardNumberCvvExpiryAndKeys_AppearNowhereInStorageOrLogs()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var responses = new List<string>();
        async Task Send(Dictionary<string, object?> request)
        {
            var response = await CollectionFlow.CreateAsync(system, request);
            responses.Add(await response.Content.ReadAsStringAsync());
        }

        await CollectionFlow.CompleteAsync(await CollectionFlow.CreatedPayUrlAsync(system, "scan-ok"), "success");
        await CollectionFlow.CompleteAsync(await CollectionFlow.CreatedPayUrlAsync(system, "scan-declined"), "failed");
        await CollectionFlow.CompleteAsync(await CollectionFlow.CreatedPayUrlAsync(system, "scan-partial"), "partial");
        await system.WaitForStatusAsync("scan-ok", "Succeeded");
        await system.WaitForStatusAsync("scan-declined", "Failed");
        await system.WaitForStatusAsync("scan-partial", "NeedsReview");
        Assert.Equal(HttpStatusCode.Created, (await CollectionFlow.RefundAsync(system, "scan-ok")).StatusCode);
        await system.SetHaiPayFaultsAsync(new { apply = "timeout", slowReply = "00:00:04" });
        await Send(CollectionFlow.Request("scan-timeout"));
        await system.SetHaiPayFaultsAsync(new { apply = "refuse" });
        await Send(CollectionFlow.Request("scan-refused"));
        await system.SetHaiPayFaultsAsync(new { badNotificationSignature = true });
        await CollectionFlow.CompleteAsync(await CollectionFlow.CreatedPayUrlAsync(system, "scan-forged"), "success");
        await system.WaitForStatusAsync("scan-forged", "Succeeded");
        var badCvv = CollectionFlow.Request("scan-bad-cvv");
        badCvv["cvv"] = "12";
        await Send(badCvv);
        var badCard = CollectionFlow.Request("scan-bad-card");
        badCard["accountNo"] = "4000056655665557";
        await Send(badCard);
        await system.SetHaiPayFaultsAsync(new { failingCharges = 1 });
        await CollectionFlow.CompleteAsync(
            await SubscriptionFlow.CreatedPayUrlAsync(system, "scan-subscription"),
            "success"
        );
        await SubscriptionFlow.WaitAsync(system, "scan-subscription", s =>
            SubscriptionFlow.Charges(s, "Succeeded").Count >= 1
        );
        responses.Add((await SubscriptionFlow.GetAsync(system, "scan-subscription", refresh: true)).GetRawText());
        responses.Add(
            await (await SubscriptionFlow.CancelAsync(system, "scan-subscription")).Content.ReadAsStringAsync()
        );
        var badSubscription = SubscriptionFlow.Request("scan-bad-subscription");
        badSubscription["cvv"] = "1";
        responses.Add(await (await SubscriptionFlow.CreateAsync(system, badSubscription)).Content.ReadAsStringAsync());

        var stored = await StorageScan.AllValuesAsync(system.Server);
        var kept = stored.Concat(system.Server.Logs.Lines()).ToList();
        var everything = kept.Concat(responses).ToList();

        Assert.NotEmpty(system.Server.Logs.Lines());
        Assert.Contains(system.Server.Logs.GetSnapshot(), r => r.Scopes.Count > 0);
        Assert.Contains("5556", stored);
        var leaks = ForbiddenValues()
            .Where(value => everything.Any(text => text.Contains(value, StringComparison.OrdinalIgnoreCase)))
            .Concat(CardFieldNames.Where(name => kept.Any(text => AsWord(name).IsMatch(text))))
            .ToList();
        Assert.True(leaks.Count == 0, $"Found in storage, logs or responses: {string.Join(" | ", leaks)}");
    }

    /// <summary>
    /// Issue #16, scenario 2: nothing derived from the card can be tested offline. Keyed requests (stored, released,
    /// refused) go through the idempotency table; every 32-byte digest in storage (hex or Base64) is then checked
    /// against each CVV 000–999 substituted into each body sent, hashed as a request fingerprint of the raw body is.
    /// </summary>
    [Fact]
    public async Task KeyedCardRequests_NoStoredDigestMatchesAnyCvvGuess()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var sent = new List<(string Path, string Body)>();
        async Task Send(string path, string key, Dictionary<string, object?> request)
        {
            request["cvv"] = "482";
            var body = JsonSerializer.Serialize(request);
            sent.Add((path, body));
            using var client = system.Server.CreateMerchantClient();
            using var message = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            message.Headers.Add("Idempotency-Key", key);
            (await client.SendAsync(message)).Dispose();
        }

        await Send("/api/haipay/collections", "scan-key-ok", CollectionFlow.Request("scan-key-ok"));
        await Send("/api/haipay/subscriptions", "scan-key-sub", SubscriptionFlow.Request("scan-key-sub"));
        await system.SetHaiPayFaultsAsync(new { apply = "refuse" });
        await Send("/api/haipay/collections", "scan-key-refused", CollectionFlow.Request("scan-key-refused"));
        await system.SetHaiPayFaultsAsync(new { apply = "timeout", slowReply = "00:00:04" });
        await Send("/api/haipay/collections", "scan-key-timeout", CollectionFlow.Request("scan-key-timeout"));
        await system.SetHaiPayFaultsAsync(new { apply = "none" });

        var digests = (await StorageScan.AllValuesAsync(system.Server))
            .SelectMany(Digests)
            .Select(Convert.ToHexString)
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(digests);
        var matches = new List<string>();
        foreach (var (path, body) in sent)
        {
            for (var cvv = 0; cvv < 1000; cvv++)
            {
                var guess = Encoding.UTF8.GetBytes(
                    body.Replace("\"cvv\":\"482\"", $"\"cvv\":\"{cvv:000}\"", StringComparison.Ordinal)
                );
                foreach (var query in new[] { null, string.Empty })
                {
                    if (
                        digests.Contains(RawBodyFingerprint(path, query, guess))
                        || digests.Contains(Convert.ToHexString(SHA256.HashData(guess)))
                    )
                    {
                        matches.Add($"{path} cvv {cvv:000}");
                    }
                }
            }
        }

        Assert.True(matches.Count == 0, $"A stored digest reveals the CVV: {string.Join(", ", matches)}");
    }

    /// <summary>
    /// How a request was fingerprinted before: SHA-256 over length-prefixed method, path, query and the Base64 of the
    /// raw body.
    /// </summary>
    private static string RawBodyFingerprint(string path, string? query, byte[] body)
    {
        var text = new StringBuilder();
        foreach (var part in new[] { "POST", path, query, Convert.ToBase64String(body) })
        {
            text.Append(part?.Length ?? -1).Append(':').Append(part).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Every run of 64 hex digits or 43–44 Base64 characters that decodes to 32 bytes.</summary>
    private static IEnumerable<byte[]> Digests(string value)
    {
        foreach (Match hex in Regex.Matches(value, "(?<![0-9A-Fa-f])[0-9A-Fa-f]{64}(?![0-9A-Fa-f])"))
        {
            yield return Convert.FromHexString(hex.Value);
        }

        foreach (Match base64 in Regex.Matches(value, "(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{43}=?(?![A-Za-z0-9+/_-])"))
        {
            var text = base64.Value.Replace('-', '+').Replace('_', '/').TrimEnd('=') + "=";
            var bytes = new byte[33];
            if (Convert.TryFromBase64String(text, bytes, out var written) && written == 32)
            {
                yield return bytes[..32];
            }
        }
    }

    /// <summary>Names that only appear next to card data (a 400 may name them; storage and logs never).</summary>
    private static readonly string[] CardFieldNames = ["cvv", "accountNo", "expiryYear", "expiryMonth"];

    /// <summary>
    /// The name as a word of its own (any case): not inside a Base64 run, where the stored signatures of the audited
    /// notifications contain "cvv" by chance (about 3 in 100,000 positions, hundreds of signatures per run).
    /// </summary>
    private static Regex AsWord(string name) =>
        new($"(?<![A-Za-z0-9+/]){name}(?![A-Za-z0-9+/])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static IEnumerable<string> ForbiddenValues() =>
        [
            CollectionFlow.CardNumber,
            CollectionFlow.CardNumber[..12],
            "4000056655665557",
            $"\"{CollectionFlow.Cvv}\"",
            $"={CollectionFlow.Cvv}",
            $": {CollectionFlow.Cvv}",
            $"{CollectionFlow.ExpiryMonth}/{CollectionFlow.ExpiryYear}",
            PaymentsSystem.HaiPayMerchantSecret,
            PaymentsSystem.HaiPayKeys.MerchantPrivate[..64],
            PaymentsSystem.HaiPayKeys.MerchantPrivate[^64..],
            PaymentsSystem.SecretKey,
            PaymentsSystem.ApiKey,
            PaymentsSystem.CallbackKey,
        ];
}
