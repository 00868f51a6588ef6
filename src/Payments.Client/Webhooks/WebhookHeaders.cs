namespace Payments.Client.Webhooks;

/// <summary>The Standard Webhooks headers every notification carries.</summary>
public static class WebhookHeaders
{
    /// <summary>The event id (<c>evt_...</c>), the same on every retry: deduplicate on it.</summary>
    public const string Id = "webhook-id";

    /// <summary>Unix seconds of the attempt.</summary>
    public const string Timestamp = "webhook-timestamp";

    /// <summary>
    /// One or more space-separated <c>v1,{Base64 HMAC-SHA256}</c> entries (two while the signing secret rotates).
    /// </summary>
    public const string Signature = "webhook-signature";
}
