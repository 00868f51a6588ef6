using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;
using Payments.IntegrationTests.Sandbox;

namespace Payments.IntegrationTests.Text;

/// <summary>
/// HaiPay's decline reason (<c>errorMsg</c>) becomes the order's <c>declineReason</c>: when HaiPay quotes the CVV and
/// the expiry the customer typed, neither reaches storage, the order's answer or the webhook, as a refusal of the
/// apply request already redacts them.
/// </summary>
public sealed class DeclineReasonCardDataTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string Reason = "CVV 7391 does not match; expiry 11/31 rejected";
    private static readonly string[] Quoted = ["CVV 7391", "11/31 rejected", "7391 does"];

    [Fact]
    public async Task DeclineQuotingCvvAndExpiry_ReachesNoStorageAnswerOrWebhook()
    {
        Assert.Equal("7391", CollectionFlow.Cvv);
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["Webhooks:Url"] = receiver.Url.AbsoluteUri,
                ["Secrets:Webhooks-SigningSecret"] = receiver.Secret,
            }
        );
        await CollectionFlow.CreatedPayUrlAsync(system, "decline-cvv");

        var (status, _) = await SandboxControl.PostAsync(
            system,
            "/haipay/_sandbox/orders/decline-cvv/complete",
            $$"""{"outcome":"failed","reason":"{{Reason}}"}"""
        );
        var order = await system.WaitForStatusAsync("decline-cvv", "Failed");
        await receiver.WaitUntilAsync(d => d.Any(x => x.OrderId == "decline-cvv"));

        Assert.Equal(200, status);
        Assert.NotNull(order.GetProperty("declineReason").GetString());
        var answer = order.GetRawText();
        var hooks = receiver.Deliveries.Select(d => System.Text.Encoding.UTF8.GetString(d.Body)).ToList();
        var stored = await StorageScan.AllValuesAsync(system.Server);
        var leaks = Quoted
            .SelectMany(form =>
                new[] { ("storage", stored), ("answer", new List<string> { answer }), ("webhooks", hooks) }
                    .Where(place => place.Item2.Any(text => text.Contains(form, StringComparison.Ordinal)))
                    .Select(place => $"'{form}' in {place.Item1}")
            )
            .ToList();
        Assert.True(leaks.Count == 0, string.Join(" | ", leaks));
    }
}
