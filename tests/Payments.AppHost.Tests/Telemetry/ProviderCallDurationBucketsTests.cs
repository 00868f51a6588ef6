using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Payments.Http.Telemetry;

namespace Payments.AppHost.Tests.Telemetry;

/// <summary>
/// <c>payments.provider.call.duration</c> is recorded in seconds, so its buckets are bounded in seconds: a 250 ms call
/// lands in the 0.25 s bucket the dashboard shows, not in the first of the SDK's millisecond-scaled defaults.
/// </summary>
public sealed class ProviderCallDurationBucketsTests
{
    private static readonly double[] Expected =
    [
        0.005,
        0.01,
        0.025,
        0.05,
        0.075,
        0.1,
        0.25,
        0.5,
        0.75,
        1,
        2.5,
        5,
        7.5,
        10,
    ];

    [Fact]
    public async Task ServerExportingOverOtlp_ProviderCallOf250Ms_CountedInTheSecondsBucketBoundedBy025()
    {
        var metrics = new List<MetricSnapshot>();
        await using var app = ServerTelemetryHost.Build([], metrics);
        var meterProvider = app.Services.GetRequiredService<MeterProvider>();
        var telemetry = app.Services.GetRequiredService<PaymentsTelemetry>();

        telemetry.ProviderCalled("haipay", "query", "success", TimeSpan.FromMilliseconds(250));
        telemetry.ProviderCalled("haipay", "query", "success", TimeSpan.FromSeconds(3));
        // The OTLP half fails (nothing listens); the in-memory half is flushed all the same.
        meterProvider.ForceFlush(5_000);

        var histogram = metrics.Last(metric => metric.Name == PaymentsTelemetry.Instruments.ProviderCallDuration);
        Assert.Equal("s", histogram.Unit);
        var point = Assert.Single(histogram.MetricPoints);
        var buckets = new List<(double Bound, long Count)>();
        foreach (var bucket in point.GetHistogramBuckets())
        {
            buckets.Add((bucket.ExplicitBound, bucket.BucketCount));
        }

        Assert.Equal(Expected, buckets.Select(bucket => bucket.Bound).Where(double.IsFinite));
        Assert.Equal(1, buckets.Single(bucket => bucket.Bound == 0.25).Count);
        Assert.Equal(1, buckets.Single(bucket => bucket.Bound == 5).Count);
        Assert.Equal(2, buckets.Sum(bucket => bucket.Count));
    }
}
