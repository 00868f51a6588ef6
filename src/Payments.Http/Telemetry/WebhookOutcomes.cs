namespace Payments.Http.Telemetry;

/// <summary>The <c>outcome</c> tag of <c>payments.webhook.deliveries</c>.</summary>
public static class WebhookOutcomes
{
    /// <summary>The merchant answered 2xx.</summary>
    public const string Delivered = "delivered";

    /// <summary>The attempt failed and another is scheduled.</summary>
    public const string Failed = "failed";

    /// <summary>No attempt is left (or no endpoint is configured): the event is not sent again.</summary>
    public const string Abandoned = "abandoned";

    /// <summary>The endpoint answered 410 Gone: it is disabled.</summary>
    public const string Gone = "gone";
}
