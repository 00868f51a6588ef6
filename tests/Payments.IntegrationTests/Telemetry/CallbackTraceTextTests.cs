using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Payments.Core.HuaweiPin;
using Payments.Http.Telemetry;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;

namespace Payments.IntegrationTests.Telemetry;

/// <summary>
/// The callback activity is tagged with the order the message names. For a message that did not verify, that name is
/// an anonymous caller's text: exported traces are logs too, and must never keep a card number in full.
/// </summary>
[Collection(SerialGroup.Name)]
public sealed class CallbackTraceTextTests(SharedAzurite azurite)
{
    private const string Card = CollectionFlow.CardNumber;

    [Fact]
    public async Task Callback_UnverifiedNamingACardNumber_NoActivityTagKeepsTheNumber()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PaymentsTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var oid = $"trace-{Card}";
        var body = JsonSerializer.Serialize(
            new Dictionary<string, string>
            {
                ["merchant_oid"] = oid,
                ["merchant_callback_privatekey"] = "not-the-key",
                ["status"] = "success",
                ["amount"] = "10.00",
                ["hash"] = HuaweiPinHash.Compute(oid, "10.00", "not-the-key"),
            }
        );
        using var client = system.Server.CreateAnonymousClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var response = await client.PostAsync(new Uri("/api/huaweipin/callback", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var tags = stopped.SelectMany(a => a.TagObjects).Select(t => t.Value?.ToString() ?? string.Empty).ToList();
        Assert.Contains(tags, t => t == "unverified");
        Assert.DoesNotContain(tags, t => t.Contains(Card, StringComparison.Ordinal));
    }
}
