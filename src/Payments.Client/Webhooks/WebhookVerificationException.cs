namespace Payments.Client.Webhooks;

/// <summary>
/// A notification that must not be trusted: a header missing, a timestamp outside the tolerance, no matching
/// signature, or (after its signature verified) a body that is not an event. Answer it 400 or 401.
/// </summary>
public sealed class WebhookVerificationException : Exception
{
    public WebhookVerificationException() { }

    public WebhookVerificationException(string message)
        : base(message) { }

    public WebhookVerificationException(string message, Exception innerException)
        : base(message, innerException) { }
}
