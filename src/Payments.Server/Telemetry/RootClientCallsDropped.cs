using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Payments.Server.Telemetry;

/// <summary>
/// The Server's root sampler: an outgoing call that starts a trace of its own (no request, callback or delivery
/// around it) is dropped. Those are the timer jobs' storage polls, which every few seconds ask Table Storage for due
/// work and mostly find none; kept, they outnumber a payment's spans by hundreds. Everything a request, a callback or a
/// delivery does is kept (<see cref="ParentBasedSampler"/> follows the parent's decision).
/// </summary>
public sealed class RootClientCallsDropped : Sampler
{
    /// <summary>The sampler the Server installs: parent-based, with this as the root decision.</summary>
    public static Sampler ParentBased { get; } = new ParentBasedSampler(new RootClientCallsDropped());

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        new(samplingParameters.Kind == ActivityKind.Client ? SamplingDecision.Drop : SamplingDecision.RecordAndSample);
}
