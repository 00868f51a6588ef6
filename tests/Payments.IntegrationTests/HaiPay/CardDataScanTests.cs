using System.Net;
using System.Text.RegularExpressions;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

/// <summary>Card data and keys go to HaiPay and nowhere else: not storage, not logs, not responses.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class CardDataScanTests(AzuriteFixture azurite)
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
        await CollectionFlow.CompleteAsync(await SubscriptionFlow.CreatedPayUrlAsync(system, "scan-subscription"), "success");
        await SubscriptionFlow.WaitAsync(system, "scan-subscription", s => SubscriptionFlow.Charges(s, "Succeeded").Count >= 1);
        responses.Add((await SubscriptionFlow.GetAsync(system, "scan-subscription", refresh: true)).GetRawText());
        responses.Add(await (await SubscriptionFlow.CancelAsync(system, "scan-subscription")).Content.ReadAsStringAsync());
        var badSubscription = SubscriptionFlow.Request("scan-bad-subscription");
        badSubscription["cvv"] = "1";
        responses.Add(await (await SubscriptionFlow.CreateAsync(system, badSubscription)).Content.ReadAsStringAsync());

        var stored = await StorageScan.AllValuesAsync(system.Server);
        var kept = stored.Concat(system.Server.Logs.Lines).ToList();
        var everything = kept.Concat(responses).ToList();

        Assert.NotEmpty(system.Server.Logs.Lines);
        Assert.Contains("5556", stored);
        var leaks = ForbiddenValues().Where(value => everything.Any(text => text.Contains(value, StringComparison.OrdinalIgnoreCase)))
            .Concat(CardFieldNames.Where(name => kept.Any(text => AsWord(name).IsMatch(text))))
            .ToList();
        Assert.True(leaks.Count == 0, $"Found in storage, logs or responses: {string.Join(" | ", leaks)}");
    }

    /// <summary>Names that only appear next to card data (a 400 may name them; storage and logs never).</summary>
    private static readonly string[] CardFieldNames = ["cvv", "accountNo", "expiryYear", "expiryMonth"];

    /// <summary>
    /// The name as a word of its own (any case): not inside a Base64 run, where the stored signatures of the audited
    /// notifications contain "cvv" by chance (about 3 in 100,000 positions, hundreds of signatures per run).
    /// </summary>
    private static Regex AsWord(string name) => new($"(?<![A-Za-z0-9+/]){name}(?![A-Za-z0-9+/])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

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
