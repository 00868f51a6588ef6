using System.Net;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;
using Payments.IntegrationTests.HuaweiPin;

namespace Payments.IntegrationTests.Text;

/// <summary>
/// Both sandboxes put a card number into every text they write (refusals, declines, error replies, an unknown callback
/// status); none of it reaches storage, logs (with scopes and state), HTTP answers or webhooks: at most its last four.
/// </summary>
public sealed class ProviderTextLeakTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string Card = CollectionFlow.CardNumber;
    private static readonly string[] Forms =
    [
        Card,
        "4000 0566 5566 5556",
        "4000-0566-5566-5556",
        "0566 5566",
        "05665566",
    ];

    [Fact]
    public async Task CardNumberInEveryProviderText_ReachesNoStorageLogAnswerOrWebhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["Webhooks:Url"] = receiver.Url.AbsoluteUri,
                ["Secrets:Webhooks-SigningSecret"] = receiver.Secret,
            }
        );
        var answers = new List<string>();
        async Task Keep(Task<HttpResponseMessage> call) => answers.Add(await (await call).Content.ReadAsStringAsync());
        using var merchant = system.Server.CreateMerchantClient();

        await system.SetHaiPayFaultsAsync(
            new { apply = "refuse", text = $"param error: accountNo {Card} not supported" }
        );
        var refused = await CollectionFlow.CreateAsync(system, CollectionFlow.Request("leak-refused"));
        answers.Add(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        await Keep(merchant.GetAsync(new Uri("/api/haipay/collections/leak-refused", UriKind.Relative)));
        await Keep(merchant.GetAsync(new Uri("/api/orders/leak-refused", UriKind.Relative)));

        await system.SetHaiPayFaultsAsync(
            new { text = "card 4000 0566 5566 5556 declined by issuer", refundOutcome = "failed" }
        );
        await CollectionFlow.CompleteAsync(await CollectionFlow.CreatedPayUrlAsync(system, "leak-declined"), "failed");
        await system.WaitForStatusAsync("leak-declined", "Failed");
        await CollectionFlow.CompleteAsync(await CollectionFlow.CreatedPayUrlAsync(system, "leak-paid"), "success");
        await system.WaitForStatusAsync("leak-paid", "Succeeded");
        await Keep(CollectionFlow.RefundAsync(system, "leak-paid", new { refundId = "leak-refund" }));
        await Keep(CollectionFlow.SyncAsync(system, "leak-refund"));
        await Keep(merchant.GetAsync(new Uri("/api/haipay/collections/leak-paid", UriKind.Relative)));

        await system.SetHuaweiPinFaultsAsync(new { getFrame = "code500", text = $"Internal error for card {Card}" });
        await Keep(
            FrameFlow.CreateFrameAsync(
                system,
                new
                {
                    orderId = "leak-frame",
                    username = "c1",
                    customerIp = "203.0.113.7",
                }
            )
        );
        await system.SetHuaweiPinFaultsAsync(new { callbackStatus = $"declined-4000-0566-5566-5556" });
        await FrameFlow.PayAsync(await FrameFlow.CreatedIframeUrlAsync(system, "leak-status"), "10.00", "success");
        await system.WaitForStatusAsync("leak-status", "NeedsReview");
        await Keep(merchant.GetAsync(new Uri("/api/orders/leak-status", UriKind.Relative)));
        using (var ops = system.Server.CreateOperatorClient())
        {
            await Keep(ops.GetAsync(new Uri("/api/ops/attention?category=needs-review", UriKind.Relative)));
        }

        await receiver.WaitUntilAsync(d => d.Any(x => x.OrderId == "leak-status"));
        var stored = await StorageScan.AllValuesAsync(system.Server);
        var logs = system.Server.Logs.Lines();
        var hooks = receiver.Deliveries.Select(d => System.Text.Encoding.UTF8.GetString(d.Body)).ToList();
        Assert.NotEmpty(hooks);
        Assert.Contains(stored, v => v.Contains("5556", StringComparison.Ordinal));
        var leaks = Forms
            .SelectMany(form =>
                new[] { ("storage", stored), ("logs", logs), ("answers", answers), ("webhooks", hooks) }
                    .Where(place => place.Item2.Any(text => text.Contains(form, StringComparison.Ordinal)))
                    .Select(place => $"{form} in {place.Item1}")
            )
            .ToList();
        Assert.True(leaks.Count == 0, string.Join(" | ", leaks));
    }
}
