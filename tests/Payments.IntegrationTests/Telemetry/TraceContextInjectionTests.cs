using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Orders;
using Payments.Http.Telemetry;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;

namespace Payments.IntegrationTests.Telemetry;

/// <summary>
/// An anonymous caller's <c>traceparent</c> and <c>baggage</c> headers on a forged HaiPay notification reach neither
/// the order's event nor the merchant's webhook nor the inline HaiPay query the forged message prompts: the callback
/// activity is a new root that only links to the caller's context.
/// </summary>
[Collection(SerialGroup.Name)]
public sealed class TraceContextInjectionTests(SharedAzurite azurite)
{
    private const string AttackerTraceId = "0af7651916cd43dd8448eb211c80319c";

    [Fact]
    public async Task ForgedNotify_CallerTraceParentAndBaggage_NotStoredOnTheOrderNorContinued()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            // As the Server's OpenTelemetry does: the Payments source and ASP.NET Core's, parent-based sampling.
            ShouldListenTo = source => source.Name is PaymentsTelemetry.Name or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?> { ["HaiPayPollSchedule"] = "0 0 0 1 1 *" }
        );
        const string orderId = "r2-trace-inject";
        await system.SetHaiPayFaultsAsync(new { notifications = false });
        var payUrl = await CollectionFlow.CreatedPayUrlAsync(system, orderId);
        await CollectionFlow.CompleteAsync(payUrl, "success");

        using var client = system.Server.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/haipay/notify")
        {
            Content = new StringContent(
                $$"""{"appId":1054,"currency":"USD","orderId":"{{orderId}}","orderNo":"6021","amount":"12.50","status":2,"sign":"AAAA"}""",
                Encoding.UTF8,
                "application/json"
            ),
        };
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{AttackerTraceId}-b7ad6b7169203331-01");
        request.Headers.TryAddWithoutValidation("baggage", "attacker=injected");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        var order = (
            await system.Server.Services.GetRequiredService<IOrderRepository>().FindAsync(orderId, default)
        )!.Value;
        Assert.Equal(OrderStatus.Succeeded, order.Status);
        var callback = Assert.Single(stopped, a =>
            a.OperationName == PaymentsTelemetry.CallbackActivity && a.GetTagItem("order.id") as string == orderId
        );
        Assert.DoesNotContain(AttackerTraceId, order.LastEvent?.TraceParent ?? string.Empty, StringComparison.Ordinal);
        Assert.NotEqual(AttackerTraceId, callback.TraceId.ToHexString());
        Assert.Null(callback.GetBaggageItem("attacker"));
    }
}
