using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Payments.Core.Callbacks;
using Payments.Core.Orders;
using Payments.Http.Endpoints;

namespace Payments.Http.Telemetry;

/// <summary>
/// Runs a provider callback or notification inside a <see cref="PaymentsTelemetry.CallbackActivity"/> activity (tagged with the
/// order and, when the message raised one, the event it raised) and counts what it came to in <c>payments.callbacks</c>.
/// </summary>
public static class CallbackTracing
{
    public static async Task<IResult> HandleAsync(
        PaymentsTelemetry telemetry,
        string provider,
        string kind,
        HttpRequest request,
        Func<JsonElement, Task<CallbackOutcome>> process,
        string acknowledgement,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        ArgumentNullException.ThrowIfNull(process);
        using var activity = PaymentsTelemetry.ActivitySource.StartActivity(PaymentsTelemetry.CallbackActivity);
        activity?.SetTag("provider", provider);
        activity?.SetTag("kind", kind);
        try
        {
            var (document, error) = await JsonBody.ReadAsync(request, cancellationToken);
            if (error is not null)
            {
                Finish(telemetry, activity, provider, kind, CallbackOutcomes.Malformed);
                return error;
            }

            using (document)
            {
                var outcome = await process(document!.RootElement);
                activity?.SetTag("order.id", outcome.OrderId);
                if (outcome.Update is { Kind: TransitionKind.Changed, Order: { HasNewEvent: true, LastEvent: { } raised } })
                {
                    activity?.SetTag("event.id", raised.Id);
                }

                Finish(telemetry, activity, provider, kind, OutcomeOf(outcome));
                return CallbackResults.From(outcome, acknowledgement);
            }
        }
        catch (Exception e) when (activity is not null && e is not OperationCanceledException)
        {
            activity.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
    }

    /// <summary>The <c>outcome</c> tag for what the processor decided (<see cref="CallbackOutcomes"/>).</summary>
    public static string OutcomeOf(CallbackOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Kind switch
        {
            CallbackOutcomeKind.Malformed => CallbackOutcomes.Malformed,
            CallbackOutcomeKind.Unauthorized => CallbackOutcomes.Unverified,
            _ => outcome.Update switch
            {
                null or { Found: false } => CallbackOutcomes.UnknownOrder,
                { Kind: TransitionKind.Changed } => CallbackOutcomes.Applied,
                { Kind: TransitionKind.Conflict } => CallbackOutcomes.Rejected,
                _ => CallbackOutcomes.Duplicate,
            },
        };
    }

    private static void Finish(PaymentsTelemetry telemetry, Activity? activity, string provider, string kind, string outcome)
    {
        activity?.SetTag("outcome", outcome);
        telemetry.CallbackHandled(provider, kind, outcome);
    }
}
