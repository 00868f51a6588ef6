using System.Diagnostics;
using OpenTelemetry;
using Payments.Core.Callbacks;
using Payments.Core.Orders;
using Payments.Core.Text;

namespace Payments.Http.Telemetry;

/// <summary>
/// The trace and count of one provider callback or notification: a <see cref="PaymentsTelemetry.CallbackActivity"/>
/// activity (tagged with the order and, when the message raised one, the event it raised) and one count in
/// <c>payments.callbacks</c> by what it came to, an exception included (<see cref="CallbackOutcomes.Unavailable"/> for
/// a 503, <see cref="CallbackOutcomes.Error"/> otherwise).
/// </summary>
/// <remarks>
/// The endpoints are anonymous, so the caller's <c>traceparent</c> and <c>baggage</c> are not ours to continue: the
/// activity is a new root (its own trace id, no parent, so no baggage), linked to the request's activity for
/// correlation. Everything the message does runs in it until <see cref="Dispose"/>: the trace parent stored with a
/// raised event (which the webhook delivery continues) and the provider calls made meanwhile (which carry neither the
/// caller's trace nor its baggage, OpenTelemetry's <see cref="Baggage.Current"/> included). Disposing restores the
/// request's own.
/// </remarks>
public sealed class CallbackTrace : IDisposable
{
    private readonly PaymentsTelemetry telemetry;
    private readonly string provider;
    private readonly string kind;
    private readonly Activity? requestActivity;
    private readonly Baggage callerBaggage;
    private readonly Activity? activity;

    private CallbackTrace(PaymentsTelemetry telemetry, string provider, string kind)
    {
        this.telemetry = telemetry;
        this.provider = provider;
        this.kind = kind;
        requestActivity = Activity.Current;
        callerBaggage = Baggage.Current;
        Activity.Current = null;
        Baggage.Current = default;
        activity = PaymentsTelemetry.ActivitySource.StartActivity(
            PaymentsTelemetry.CallbackActivity,
            ActivityKind.Internal,
            parentContext: default,
            links: requestActivity is null ? null : [new ActivityLink(requestActivity.Context)]
        );
        activity?.SetTag("provider", provider);
        activity?.SetTag("kind", kind);
    }

    public static CallbackTrace Start(PaymentsTelemetry telemetry, string provider, string kind)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        return new CallbackTrace(telemetry, provider, kind);
    }

    /// <summary>Tags and counts what the handler decided.</summary>
    public void Handled(CallbackOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        activity?.SetTag(
            "order.id",
            outcome.Update?.Found == true ? outcome.OrderId : ProviderText.From(outcome.OrderId)?.Value
        );
        if (outcome.Update is { Kind: TransitionKind.Changed, Order: { HasNewEvent: true, LastEvent: { } raised } })
        {
            activity?.SetTag("event.id", raised.Id);
        }

        Finish(OutcomeOf(outcome));
    }

    /// <summary>
    /// Counts a message refused before it reached a handler (not JSON, too large, a repeated property).
    /// </summary>
    public void Malformed() => Finish(CallbackOutcomes.Malformed);

    /// <summary>Counts a message that ended in an exception (storage or the vault unavailable, or a defect).</summary>
    public void Failed(Exception exception, bool unavailable)
    {
        ArgumentNullException.ThrowIfNull(exception);
        activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        Finish(unavailable ? CallbackOutcomes.Unavailable : CallbackOutcomes.Error);
    }

    public void Dispose()
    {
        activity?.Dispose();
        Activity.Current = requestActivity;
        Baggage.Current = callerBaggage;
    }

    /// <summary>The <c>outcome</c> tag for what the handler decided (<see cref="CallbackOutcomes"/>).</summary>
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

    private void Finish(string outcome)
    {
        activity?.SetTag("outcome", outcome);
        telemetry.CallbackHandled(provider, kind, outcome);
    }
}
