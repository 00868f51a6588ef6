using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;

namespace Payments.IntegrationTests.Sandbox;

/// <summary>
/// A HaiPay subscription confirmed and charged through the sandbox's control routes, its charges notified and recorded
/// as the billing clock's are.
/// </summary>
public sealed class SubscriptionTriggerTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task ConfirmThenChargeNowPaidAndDeclined_ServiceRecordsEachChargeAndTheRetry()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        // Monthly: on the tests' one-second sandbox day the clock's next charge is 30 s away; a declined charge is
        // retried a quarter day (0.25 s) later, so four charges: the first, the paid one, the declined one, its retry.
        var created = await SubscriptionFlow.CreateAsync(system, SubscriptionFlow.Request("trg-sub", "M"));
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);

        var early = await SandboxControl.PostAsync(system, "/haipay/_sandbox/subscriptions/trg-sub/charge", "{}");
        var confirmed = await SandboxControl.PostAsync(system, "/haipay/_sandbox/subscriptions/trg-sub/confirm", "{}");
        await SubscriptionFlow.WaitAsync(system, "trg-sub", s => SubscriptionFlow.Charges(s, "Succeeded").Count == 1);
        var paid = await SandboxControl.PostAsync(system, "/haipay/_sandbox/subscriptions/trg-sub/charge", "{}");
        var declined = await SandboxControl.PostAsync(
            system,
            "/haipay/_sandbox/subscriptions/trg-sub/charge",
            """{"outcome":"failed","reason":"card expired"}"""
        );
        var unknown = await SandboxControl.PostAsync(system, "/haipay/_sandbox/subscriptions/nobody/charge", "{}");

        Assert.Equal(
            (409, 200, 200, 200, 404),
            (early.Status, confirmed.Status, declined.Status, paid.Status, unknown.Status)
        );
        Assert.Equal("card expired", declined.Body.GetProperty("errorMsg").GetString());
        var subscription = await SubscriptionFlow.WaitAsync(
            system,
            "trg-sub",
            s => SubscriptionFlow.Charges(s).Count == 4,
            seconds: 20
        );
        Assert.Equal("Active", subscription.GetProperty("status").GetString());
        Assert.Equal(
            (3, 1),
            (
                SubscriptionFlow.Charges(subscription, "Succeeded").Count,
                SubscriptionFlow.Charges(subscription, "Failed").Count
            )
        );
    }
}
