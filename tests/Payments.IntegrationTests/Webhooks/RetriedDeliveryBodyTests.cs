using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Payments.Http.Webhooks;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;

namespace Payments.IntegrationTests.Webhooks;

/// <summary>
/// A notification's body is fixed when its event is raised: every attempt under one <c>webhook-id</c> carries the
/// same bytes, whatever happened to the order between attempts. Server + sandbox + Azurite, dispatcher run by hand.
/// </summary>
public sealed class RetriedDeliveryBodyTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task RefundRequestedBetweenAttempts_RetryCarriesTheFirstAttemptsBytes()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, attempt) => attempt == 1 ? 500 : 200;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var settings = HandDrivenJobs.Settings(
            clock,
            new Dictionary<string, string?>
            {
                ["Webhooks:Url"] = receiver.Url.AbsoluteUri,
                ["Webhooks:RetrySchedule:0"] = "00:00:05",
                ["Secrets:Webhooks-SigningSecret"] = receiver.Secret,
            }
        );
        await using var system = await PaymentsSystem.StartAsync(azurite, settings, s =>
            s.AddSingleton<TimeProvider>(clock)
        );
        var dispatcher = system.Server.Services.GetRequiredService<WebhookDispatcher>();

        await CollectionFlow.CompleteAsync(await CollectionFlow.CreatedPayUrlAsync(system, "wh-fixed"), "success");
        await system.WaitForStatusAsync("wh-fixed", "Succeeded");
        await dispatcher.RunOnceAsync(default);
        var first = Assert.Single(receiver.Deliveries);
        Assert.Equal(500, first.Answered);

        using var refunded = await CollectionFlow.RefundAsync(system, "wh-fixed");
        Assert.Equal(HttpStatusCode.Created, refunded.StatusCode);
        using var merchant = system.Server.CreateMerchantClient();
        var changed = await merchant.GetFromJsonAsync<JsonElement>("/api/orders/wh-fixed");
        Assert.Equal(JsonValueKind.String, changed.GetProperty("refundOrderId").ValueKind);
        clock.Advance(TimeSpan.FromSeconds(6));
        await dispatcher.RunOnceAsync(default);

        Assert.Equal(2, receiver.Deliveries.Count);
        var retry = receiver.Deliveries[1];
        Assert.Equal(200, retry.Answered);
        Assert.Equal(first.Id, retry.Id);
        Assert.True(retry.SignatureValid);
        Assert.Equal(first.Body, retry.Body);
        using var body = JsonDocument.Parse(retry.Body);
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("data").GetProperty("refundOrderId").ValueKind);
    }
}
