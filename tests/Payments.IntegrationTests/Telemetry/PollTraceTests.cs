using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Trace;
using Payments.Core.HaiPay;
using Payments.Http.Telemetry;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;
using Payments.Server.Telemetry;

namespace Payments.IntegrationTests.Telemetry;

/// <summary>
/// A collection whose notification never came is settled by the poll job's signed query: that query is how the
/// payment is found later, so it runs inside a trace of its own and the Server's sampler (which drops outgoing calls
/// that start a trace, the timer jobs' storage polls) keeps it.
/// </summary>
public sealed class PollTraceTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task PollJobsQuery_SettlingAPayment_IsKeptByTheServersSampler()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var system = await PaymentsSystem.StartAsync(azurite, HandDrivenJobs.Settings(clock), s =>
            s.AddSingleton<TimeProvider>(clock)
        );
        await system.SetHaiPayFaultsAsync(new { notifications = false });
        await CollectionFlow.CompleteAsync(
            await CollectionFlow.CreatedPayUrlAsync(system, "hpy-poll-trace"),
            "success"
        );
        clock.Advance(TimeSpan.FromMinutes(2));
        var queries = new List<Activity>();
        // Listeners see the whole process: only this test's sandbox (its own port) counts.
        var sandbox = system.Settings["HaiPay:BaseUrl"]!;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "System.Net.Http" or PaymentsTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (
                    activity.GetTagItem("url.full") is string url
                    && url.StartsWith(sandbox, StringComparison.Ordinal)
                    && url.Contains("/collect/query", StringComparison.Ordinal)
                )
                {
                    lock (queries)
                    {
                        queries.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        Assert.Null(Activity.Current);
        await system.Server.Services.GetRequiredService<HaiPayPoller>().RunOnceAsync(default);
        await system.WaitForStatusAsync("hpy-poll-trace", "Succeeded");

        var query = Assert.Single(queries);
        var decision = RootClientCallsDropped.ParentBased.ShouldSample(
            new SamplingParameters(query.Parent?.Context ?? default, query.TraceId, query.OperationName, query.Kind)
        );
        Assert.NotEqual(SamplingDecision.Drop, decision.Decision);
    }
}
