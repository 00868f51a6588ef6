using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Payments.Http.Telemetry;

namespace Payments.AppHost.Tests.Telemetry;

/// <summary>
/// What the Server sends the dashboard of its outgoing calls: a call with nothing around it (a timer job's storage
/// poll) is dropped, the same call made inside a callback's or delivery's activity is exported as part of that trace.
/// Real HttpClient calls (to a closed loopback port) through the Server's own OpenTelemetry set-up.
/// </summary>
public sealed class StoragePollingSpanTests
{
    [Fact]
    public async Task OutgoingCallWithNoParent_LikeATimerJobsStoragePoll_NotExported()
    {
        var spans = new List<Activity>();
        await using var app = ServerTelemetryHost.Build(spans, []);
        var tracerProvider = app.Services.GetRequiredService<TracerProvider>();

        Assert.Null(Activity.Current);
        await CallClosedPortAsync();
        tracerProvider.ForceFlush(5_000);

        Assert.DoesNotContain(spans, span => span.Kind == ActivityKind.Client);
    }

    [Fact]
    public async Task OutgoingCallInsideACallbacksActivity_ExportedAsItsChild()
    {
        var spans = new List<Activity>();
        await using var app = ServerTelemetryHost.Build(spans, []);
        var tracerProvider = app.Services.GetRequiredService<TracerProvider>();

        using (var callback = PaymentsTelemetry.ActivitySource.StartActivity(PaymentsTelemetry.CallbackActivity))
        {
            Assert.NotNull(callback);
            await CallClosedPortAsync();
        }

        tracerProvider.ForceFlush(5_000);
        var root = Assert.Single(spans, span => span.OperationName == PaymentsTelemetry.CallbackActivity);
        var client = Assert.Single(spans, span => span.Kind == ActivityKind.Client);
        Assert.Equal(root.TraceId, client.TraceId);
        Assert.Equal(root.SpanId, client.ParentSpanId);
    }

    private static async Task CallClosedPortAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("http://127.0.0.1:9/tables")));
    }
}
