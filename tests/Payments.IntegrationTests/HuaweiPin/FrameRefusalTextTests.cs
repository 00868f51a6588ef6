using System.Net;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;

namespace Payments.IntegrationTests.HuaweiPin;

/// <summary>
/// GetFrame's published refusals (302-306) carry HUAWEIPIN's <c>errorMeesage</c>: provider text, so a card number in it
/// must reach no log line, stored row or answer in full.
/// </summary>
public sealed class FrameRefusalTextTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string Card = CollectionFlow.CardNumber;

    [Fact]
    public async Task Frame_PublishedRefusalWhoseMessageEchoesACardNumber_NoLogStorageOrAnswerKeepsIt()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var body = new
        {
            orderId = "hp-refusal-text",
            username = "customer-1",
            customerIp = "203.0.113.7",
        };
        await system.SetHuaweiPinFaultsAsync(new { getFrame = "lost" });
        Assert.Equal(HttpStatusCode.BadGateway, (await FrameFlow.CreateFrameAsync(system, body)).StatusCode);

        // The repeat reaches GetFrame again, which now refuses with 304 (the frame exists) and a message naming the
        // card.
        await system.SetHuaweiPinFaultsAsync(
            new { getFrame = "none", text = $"merchant_oid not unique; card {Card} already used" }
        );
        var repeat = await FrameFlow.CreateFrameAsync(system, body);
        var answer = await repeat.Content.ReadAsStringAsync();
        await system.WaitForStatusAsync("hp-refusal-text", "NeedsReview");

        var logs = system.Server.Logs.Lines();
        var stored = await StorageScan.AllValuesAsync(system.Server);
        Assert.DoesNotContain(logs, line => line.Contains(Card, StringComparison.Ordinal));
        Assert.DoesNotContain(stored, value => value.Contains(Card, StringComparison.Ordinal));
        Assert.DoesNotContain(Card, answer, StringComparison.Ordinal);
    }
}
