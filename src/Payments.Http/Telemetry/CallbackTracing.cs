using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Payments.Core.Callbacks;
using Payments.Core.Orders;
using OpenTelemetry;
using Payments.Http.Endpoints;
using Payments.Http.Problems;

using Payments.Core.Text;

namespace Payments.Http.Telemetry;

/// <summary>
/// Runs a provider callback or notification inside a <see cref="PaymentsTelemetry.CallbackActivity"/> activity (tagged with the
/// order and, when the message raised one, the event it raised) and counts what it came to in <c>payments.callbacks</c>, an
/// exception included (<see cref="CallbackOutcomes.Unavailable"/> for a 503, <see cref="CallbackOutcomes.Error"/> otherwise).
/// </summary>
/// <remarks>
/// The endpoints are anonymous, so the caller's <c>traceparent</c> and <c>baggage</c> are not ours to continue: the activity is
/// a new root (its own trace id, no parent, so no baggage), linked to the request's activity for correlation. Everything the
/// message does runs in it: the trace parent stored with a raised event (which the webhook delivery continues) and the
/// provider calls made meanwhile (which carry neither the caller's trace nor its baggage, OpenTelemetry's
/// <see cref="Baggage.Current"/> included). Both hosts run their callbacks through here (the Functions app calls the same
/// endpoint classes), whatever activity the host started for the request.
/// </remarks>
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
        var requestActivity = Activity.Current;
        var callerBaggage = Baggage.Current;
        Activity.Current = null;
        Baggage.Current = default;
        try
        {
            using var activity = PaymentsTelemetry.ActivitySource.StartActivity(
                PaymentsTelemetry.CallbackActivity,
                ActivityKind.Internal,
                parentContext: default,
                links: requestActivity is null ? null : [new ActivityLink(requestActivity.Context)]);
            activity?.SetTag("provider", provider);
            activity?.SetTag("kind", kind);
            return await RunAsync(telemetry, activity, provider, kind, request, process, acknowledgement, cancellationToken);
        }
        finally
        {
            Activity.Current = requestActivity;
            Baggage.Current = callerBaggage;
        }
    }

    private static async Task<IResult> RunAsync(
        PaymentsTelemetry telemetry,
        Activity? activity,
        string provider,
        string kind,
        HttpRequest request,
        Func<JsonElement, Task<CallbackOutcome>> process,
        string acknowledgement,
        CancellationToken cancellationToken)
    {
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
                activity?.SetTag("order.id", outcome.Update?.Found == true ? outcome.OrderId : ProviderText.From(outcome.OrderId)?.Value);
                if (outcome.Update is { Kind: TransitionKind.Changed, Order: { HasNewEvent: true, LastEvent: { } raised } })
                {
                    activity?.SetTag("event.id", raised.Id);
                }

                Finish(telemetry, activity, provider, kind, OutcomeOf(outcome));
                return CallbackResults.From(outcome, acknowledgement);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller hung up: nothing is answered, so nothing is counted.
            throw;
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            Finish(telemetry, activity, provider, kind, ServiceProblemHandler.IsUnavailable(e) ? CallbackOutcomes.Unavailable : CallbackOutcomes.Error);
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
