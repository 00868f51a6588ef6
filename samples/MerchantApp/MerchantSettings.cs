namespace MerchantApp;

/// <summary>
/// The <c>Payments</c> section (environment: <c>Payments__BaseAddress</c>, ...): where the service is, its function
/// key, and the webhook secret(s) it signs with (<c>scripts/run-local</c> prints the local one). The defaults are
/// the local stack's.
/// </summary>
public sealed class MerchantSettings
{
    public Uri? BaseAddress { get; set; } = new("http://127.0.0.1:7071/");

    public string? FunctionKey { get; set; } = "local-dev-function-key";

    /// <summary>The current <c>whsec_</c> secret (default: the local stack's, which run-local prints).</summary>
    public string? WebhookSecret { get; set; } = "whsec_c2FuZGJveC13ZWJob29rLXNpZ25pbmctc2VjcmV0LTAx";

    /// <summary>While you move to a new secret: the one you are leaving.</summary>
    public string? PreviousWebhookSecret { get; set; }

    public IEnumerable<string> WebhookSecrets =>
        new[] { WebhookSecret, PreviousWebhookSecret }.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!);
}
