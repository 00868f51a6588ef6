using System.Text.Json;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;

namespace Payments.IntegrationTests.Sandbox;

/// <summary>
/// HaiPay collection outcomes triggered through <c>/haipay/_sandbox/orders/{id}/complete</c> reach the service as the
/// 3-D Secure page's buttons do: by HaiPay's notification.
/// </summary>
public sealed class CollectionTriggerTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task Complete_EachOutcome_ServiceRecordsItFromTheNotification()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        foreach (var id in (string[])["trg-paid", "trg-declined", "trg-partial", "trg-over"])
        {
            await CollectionFlow.CreatedPayUrlAsync(system, id, "12.50");
        }

        var paid = await Complete(system, "trg-paid", """{"outcome":"success"}""");
        var declined = await Complete(system, "trg-declined", """{"outcome":"failed","reason":"insufficient funds"}""");
        var partial = await Complete(system, "trg-partial", """{"outcome":"partial","amount":"5.00"}""");
        var over = await Complete(system, "trg-over", """{"outcome":"over","amount":20}""");

        Assert.Equal((2, "12.50"), (paid.GetProperty("status").GetInt32(), Text(paid, "actualAmount")));
        Assert.Equal(
            (3, "insufficient funds"),
            (declined.GetProperty("status").GetInt32(), Text(declined, "errorMsg"))
        );
        Assert.Equal((4, "5.00"), (partial.GetProperty("status").GetInt32(), Text(partial, "actualAmount")));
        Assert.Equal((5, "20.00"), (over.GetProperty("status").GetInt32(), Text(over, "actualAmount")));
        await system.WaitForStatusAsync("trg-paid", "Succeeded");
        await system.WaitForStatusAsync("trg-declined", "Failed");
        var partialOrder = await system.WaitForStatusAsync("trg-partial", "NeedsReview");
        var overOrder = await system.WaitForStatusAsync("trg-over", "NeedsReview");
        Assert.Equal("partial-collection", Text(partialOrder, "reviewReason"));
        Assert.Equal("over-collection", Text(overOrder, "reviewReason"));
        var notified = await system.SandboxPaymentAsync("trg-declined");
        Assert.Contains(notified!.Value.GetProperty("deliveries").EnumerateArray(), d =>
            d.GetProperty("status").GetInt32() == 200 && d.GetProperty("body").GetString() == "SUCCESS"
        );
    }

    [Fact]
    public async Task Complete_BadFields400NamingThem_Unknown404_Twice409_NothingChanged()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, "trg-bad", "12.50");
        const string Path = "/haipay/_sandbox/orders/trg-bad/complete";

        var outcome = await SandboxControl.PostAsync(system, Path, """{"outcome":"approved"}""");
        var below = await SandboxControl.PostAsync(system, Path, """{"outcome":"partial","amount":"12.50"}""");
        var misplaced = await SandboxControl.PostAsync(system, Path, """{"amount":"1.00","reason":"no"}""");
        var money = await SandboxControl.PostAsync(system, Path, """{"outcome":"over","amount":"13.001"}""");
        var unknown = await SandboxControl.PostAsync(system, "/haipay/_sandbox/orders/nobody/complete", "{}");
        var untouched = await system.SandboxPaymentAsync("trg-bad");
        var first = await SandboxControl.PostAsync(system, Path, string.Empty);
        var second = await SandboxControl.PostAsync(system, Path, """{"outcome":"failed"}""");

        Assert.Equal((400, "outcome"), (outcome.Status, SandboxControl.BadFields(outcome.Body)));
        Assert.Equal((400, "amount"), (below.Status, SandboxControl.BadFields(below.Body)));
        Assert.Equal((400, "amount,reason"), (misplaced.Status, SandboxControl.BadFields(misplaced.Body)));
        Assert.Equal((400, "amount"), (money.Status, SandboxControl.BadFields(money.Body)));
        Assert.Equal(404, unknown.Status);
        Assert.Equal(1, untouched!.Value.GetProperty("status").GetInt32());
        Assert.Equal((200, 409), (first.Status, second.Status));
        await system.WaitForStatusAsync("trg-bad", "Succeeded");
    }

    private static async Task<JsonElement> Complete(PaymentsSystem system, string orderId, string json)
    {
        var (status, body) = await SandboxControl.PostAsync(
            system,
            $"/haipay/_sandbox/orders/{orderId}/complete",
            json
        );
        Assert.True(status == 200, $"{orderId}: {status} {body}");
        return body;
    }

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();
}
