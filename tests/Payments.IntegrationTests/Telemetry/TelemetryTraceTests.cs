using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Orders;
using Payments.Http.Telemetry;
using Payments.Http.Webhooks;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Telemetry;

/// <summary>
/// One trace from a provider callback, through the order's change, to the webhook delivery that reports it. The
/// listener hears every <c>Payments</c> activity in the process (other tests' too), so activities are picked by this
/// test's order id.
/// </summary>
[Collection(SerialGroup.Name)]
public sealed class TelemetryTraceTests(SharedAzurite azurite)
{
    [Fact]
    public async Task WebhookDelivery_EventRaisedByACallback_ChildOfTheCallbacksActivityWithTheSameEventId()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PaymentsTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var system = await TelemetryMetricsTests.StartHandDrivenAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["Webhooks:Url"] = receiver.Url.AbsoluteUri,
                ["Secrets:Webhooks-SigningSecret"] = receiver.Secret,
            }
        );
        const string orderId = "tm-trace";
        var eventId = OrderEvent.IdFor(orderId, 1, OrderStatus.Succeeded);

        await TelemetryMetricsTests.SucceedFrameAsync(system, orderId);
        await system.Server.Services.GetRequiredService<WebhookDispatcher>().RunOnceAsync(default);

        var ours = stopped.Where(a => a.GetTagItem("order.id") as string == orderId).ToList();
        var callback = Assert.Single(ours, a => a.OperationName == PaymentsTelemetry.CallbackActivity);
        var delivery = Assert.Single(ours, a => a.OperationName == PaymentsTelemetry.DeliverActivity);
        Assert.Equal(
            ("huaweipin", "callback", "applied", eventId),
            (Tag(callback, "provider"), Tag(callback, "kind"), Tag(callback, "outcome"), Tag(callback, "event.id"))
        );
        var transition = Assert.Single(callback.Events, e => e.Name == PaymentsTelemetry.TransitionEvent);
        Assert.Equal(
            ("Pending", "Succeeded", eventId),
            (TagOf(transition, "from"), TagOf(transition, "to"), TagOf(transition, "event.id"))
        );
        Assert.Equal(callback.TraceId, delivery.TraceId);
        Assert.Equal(callback.SpanId, delivery.ParentSpanId);
        Assert.Equal((eventId, WebhookOutcomes.Delivered), (Tag(delivery, "event.id"), Tag(delivery, "outcome")));
        Assert.Contains(receiver.Accepted, d => d.Id == eventId);
    }

    private static string? Tag(Activity activity, string name) => activity.GetTagItem(name) as string;

    private static string? TagOf(ActivityEvent activityEvent, string name) =>
        activityEvent.Tags.FirstOrDefault(t => t.Key == name).Value as string;
}
