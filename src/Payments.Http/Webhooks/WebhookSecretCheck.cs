using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Core.Secrets;
using Payments.Core.Webhooks;

namespace Payments.Http.Webhooks;

/// <summary>
/// Checks the webhook signing secrets (current and previous) while a webhook endpoint is configured: on start, where a
/// malformed one stops the host with a message naming it (never its value), and on every health check, where one read
/// again from the vault and found malformed makes the service unhealthy and is logged as an error naming it. A secret
/// store that does not answer does not stop the start (deliveries wait for it); a missing current secret is logged.
/// </summary>
public sealed partial class WebhookSecretCheck(
    WebhookSigningKeys keys,
    IOptionsMonitor<WebhookOptions> options,
    ILogger<WebhookSecretCheck> logger
) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.CurrentValue.Endpoint is null)
        {
            return;
        }

        try
        {
            await keys.GetAsync(cancellationToken);
        }
        catch (MalformedWebhookSecretException e)
        {
            LogMalformed(logger, e.Name);
            throw;
        }
        catch (SecretNotFoundException e)
        {
            LogMissing(logger, e.Name);
        }
        catch (SecretUnavailableException e)
        {
            LogUnavailable(logger, e.Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The name of a configured signing secret that is malformed as read now (logged as an error), or null when both
    /// are usable, absent or unreadable, or no endpoint is configured.
    /// </summary>
    public async Task<string?> FindMalformedAsync(CancellationToken cancellationToken)
    {
        if (options.CurrentValue.Endpoint is null)
        {
            return null;
        }

        try
        {
            await keys.GetAsync(cancellationToken);
            return null;
        }
        catch (MalformedWebhookSecretException e)
        {
            LogMalformed(logger, e.Name);
            return e.Name;
        }
        catch (Exception e) when (e is SecretNotFoundException or SecretUnavailableException)
        {
            return null;
        }
    }

    // Event ids 6500-6509 (see Payments.Core.Telemetry.LogEventIds).
    [LoggerMessage(
        EventId = 6501,
        Level = LogLevel.Error,
        Message = "The webhook signing secret {Name} is not a Standard Webhooks secret (whsec_ followed by at least 24 "
            + "Base64 bytes); no webhook can be signed until it is replaced"
    )]
    private static partial void LogMalformed(ILogger logger, string name);

    [LoggerMessage(
        EventId = 6502,
        Level = LogLevel.Warning,
        Message = "Webhooks:Url is set but the secret {Name} is not; no webhook is sent until it is"
    )]
    private static partial void LogMissing(ILogger logger, string name);

    [LoggerMessage(
        EventId = 6503,
        Level = LogLevel.Warning,
        Message = "The secret {Name} could not be read on start; webhooks wait until it is"
    )]
    private static partial void LogUnavailable(ILogger logger, string name);
}
