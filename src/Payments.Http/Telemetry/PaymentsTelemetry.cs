using System.Diagnostics;
using System.Diagnostics.Metrics;
using Payments.Core.Orders;
using Payments.Core.Telemetry;

namespace Payments.Http.Telemetry;

/// <summary>
/// The service's own telemetry, shared by both hosts: the <c>Payments</c> meter (created through the host's
/// <see cref="IMeterFactory"/>, so each host's instruments are its own) with every instrument the alerts and the
/// runbook name, and the <c>Payments</c> activity source. The README's Telemetry section lists the instruments and
/// their tags.
/// </summary>
public sealed class PaymentsTelemetry : IPaymentsMetrics
{
    /// <summary>The meter's and the activity source's name (what an exporter subscribes to).</summary>
    public const string Name = "Payments";

    /// <summary>
    /// The activity around one provider callback or notification: a new root linked to the request's (the caller's
    /// trace context is not continued).
    /// </summary>
    public const string CallbackActivity = "payments.callback";

    /// <summary>
    /// The activity around one webhook delivery attempt, parented to the trace that raised the event.
    /// </summary>
    public const string DeliverActivity = "payments.webhook.deliver";

    /// <summary>The event added to the running activity when an order's status changes.</summary>
    public const string TransitionEvent = "payments.order.transition";

    /// <summary>
    /// Bucket bounds for every duration histogram, in seconds like the values recorded (the SDK's default bounds,
    /// 0 to 10,000, are milliseconds' and would put every call in the first bucket).
    /// </summary>
    public static IReadOnlyList<double> SecondsBucketBounds { get; } =
    [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private static readonly InstrumentAdvice<double> SecondsBuckets = new()
    {
        HistogramBucketBoundaries = SecondsBucketBounds,
    };

    private readonly Counter<long> callbacks;
    private readonly Counter<long> transitions;
    private readonly Counter<long> providerCalls;
    private readonly Histogram<double> providerCallDuration;
    private readonly Gauge<double> pollLag;
    private readonly Counter<long> webhookDeliveries;
    private readonly Gauge<long> webhookBacklog;
    private readonly Counter<long> keyVaultReads;
    private readonly Counter<long> rateLimitRejections;

    public PaymentsTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(Name);
        callbacks = Meter.CreateCounter<long>(
            Instruments.Callbacks,
            description: "Provider callbacks and notifications received, by what they came to."
        );
        transitions = Meter.CreateCounter<long>(Instruments.Transitions, description: "Order status changes stored.");
        providerCalls = Meter.CreateCounter<long>(
            Instruments.ProviderCalls,
            description: "Calls to HUAWEIPIN and HaiPay, by outcome."
        );
        providerCallDuration = Meter.CreateHistogram<double>(
            Instruments.ProviderCallDuration,
            unit: "s",
            description: "How long provider calls took, by outcome.",
            tags: null,
            advice: SecondsBuckets
        );
        pollLag = Meter.CreateGauge<double>(
            Instruments.PollLag,
            unit: "s",
            description: "How far past due the oldest due HaiPay check was when a poll run started (0: none was)."
        );
        webhookDeliveries = Meter.CreateCounter<long>(
            Instruments.WebhookDeliveries,
            description: "Webhook delivery attempts, by outcome."
        );
        webhookBacklog = Meter.CreateGauge<long>(
            Instruments.WebhookBacklog,
            description: "Due webhook deliveries a dispatcher run found."
        );
        keyVaultReads = Meter.CreateCounter<long>(
            Instruments.KeyVaultReads,
            description: "Secret reads from Key Vault, by outcome."
        );
        rateLimitRejections = Meter.CreateCounter<long>(
            Instruments.RateLimitRejections,
            description: "Requests answered 429 by the anonymous endpoints' rate limit."
        );
    }

    /// <summary>
    /// The activity source both hosts start their own activities from (exporters subscribe to <see cref="Name"/>).
    /// </summary>
    public static ActivitySource ActivitySource => Payments.Core.Telemetry.PaymentsActivities.Source;

    /// <summary>This host's <c>Payments</c> meter.</summary>
    public Meter Meter { get; }

    /// <summary>A provider callback or notification was answered.</summary>
    /// <param name="provider"><see cref="ProviderNames"/>.</param>
    /// <param name="kind"><c>callback</c> (HUAWEIPIN) or <c>notification</c> (HaiPay).</param>
    /// <param name="outcome"><see cref="CallbackOutcomes"/>.</param>
    public void CallbackHandled(string provider, string kind, string outcome) =>
        callbacks.Add(
            1,
            new TagList
            {
                { "provider", provider },
                { "kind", kind },
                { "outcome", outcome },
            }
        );

    public void OrderChanged(PaymentOrder before, PaymentOrder after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var raised = after.HasNewEvent ? after.LastEvent!.Id : null;
        if (before.Status != after.Status)
        {
            var from = before.Status.ToString();
            var to = after.Status.ToString();
            transitions.Add(
                1,
                new TagList
                {
                    { "from", from },
                    { "to", to },
                    { "reason", after.ReviewReason?.Name() ?? string.Empty },
                }
            );
            Activity.Current?.AddEvent(
                new ActivityEvent(
                    TransitionEvent,
                    tags: new ActivityTagsCollection
                    {
                        ["order.id"] = after.Id,
                        ["from"] = from,
                        ["to"] = to,
                        ["event.id"] = raised,
                    }
                )
            );
        }

        if (raised is not null)
        {
            Activity.Current?.SetTag("event.id", raised);
        }
    }

    public void ProviderCalled(string provider, string operation, string outcome, TimeSpan duration)
    {
        var tags = new TagList
        {
            { "provider", provider },
            { "operation", operation },
            { "outcome", outcome },
        };
        providerCalls.Add(1, tags);
        providerCallDuration.Record(duration.TotalSeconds, tags);
    }

    public void PollRan(TimeSpan lag) => pollLag.Record(lag.TotalSeconds);

    public void SecretRead(bool success) =>
        keyVaultReads.Add(1, new KeyValuePair<string, object?>("outcome", success ? "success" : "failure"));

    /// <summary>A webhook delivery attempt ended: <see cref="WebhookOutcomes"/>.</summary>
    public void WebhookAttempted(string outcome) =>
        webhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>A dispatcher run found <paramref name="due"/> deliveries due.</summary>
    public void WebhookBacklog(long due) => webhookBacklog.Record(due);

    /// <summary>A request was refused by the rate limit.</summary>
    /// <param name="host"><c>server</c> or <c>functions</c>.</param>
    /// <param name="route">The route's (function's) name, e.g. <c>HuaweiPinCallback</c>.</param>
    public void RateLimited(string host, string route) =>
        rateLimitRejections.Add(1, new TagList { { "host", host }, { "route", route } });

    /// <summary>The instruments' names.</summary>
    public static class Instruments
    {
        public const string Callbacks = "payments.callbacks";
        public const string Transitions = "payments.order.transitions";
        public const string ProviderCalls = "payments.provider.calls";
        public const string ProviderCallDuration = "payments.provider.call.duration";
        public const string PollLag = "payments.poll.lag";
        public const string WebhookDeliveries = "payments.webhook.deliveries";
        public const string WebhookBacklog = "payments.webhook.backlog";
        public const string KeyVaultReads = "payments.keyvault.reads";
        public const string RateLimitRejections = "payments.ratelimit.rejections";
    }
}
