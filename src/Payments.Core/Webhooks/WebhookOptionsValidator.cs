using Microsoft.Extensions.Options;

namespace Payments.Core.Webhooks;

/// <summary>The endpoint is an absolute http(s) URL without credentials; every wait is positive.</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (
            options.Endpoint is { } url
            && (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http") || url.UserInfo.Length > 0)
        )
        {
            failures.Add("Webhooks:Url must be an absolute http(s) URL without user information.");
        }

        if (options.RetrySchedule.Any(wait => wait <= TimeSpan.Zero || wait > TimeSpan.FromDays(7)))
        {
            failures.Add("Webhooks:RetrySchedule waits must be between 0 and 7 days.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
