using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Core.Audit;
using Payments.Core.Webhooks;

namespace Payments.Core.Operations.WebhookEndpoints;

/// <summary>
/// An operator re-enables the webhook endpoint (<c>Webhooks:Url</c>) a 410 disabled. When it is disabled, the action is
/// recorded first, then the outbox enables it, then the outcome row is written; an endpoint that is not disabled is
/// simply answered enabled, with nothing recorded.
/// </summary>
public sealed partial class EnableWebhookEndpointHandler(
    IWebhookOutbox outbox,
    IOptionsMonitor<WebhookOptions> options,
    OperatorRecords records,
    TimeProvider time,
    ILogger<EnableWebhookEndpointHandler> logger
)
{
    private const string RecordKind = AuditKinds.OperatorEndpointEnable;

    public async Task<EnableWebhookEndpointResult> HandleAsync(
        EnableWebhookEndpointCommand command,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(command);
        if (options.CurrentValue.Endpoint is not { } endpoint)
        {
            return new EnableWebhookEndpointResult.NoEndpoint();
        }

        var disabledAt = await outbox.DisabledAtAsync(endpoint, cancellationToken);
        if (disabledAt is not null)
        {
            var now = time.GetUtcNow();
            await records.RecordAttemptAsync(
                null,
                RecordKind,
                command.By,
                new Dictionary<string, object?> { ["note"] = command.Note, ["disabledAt"] = disabledAt },
                now,
                cancellationToken
            );
            var enabled = await outbox.EnableAsync(endpoint, cancellationToken);
            var notApplied = enabled ? null : "already enabled meanwhile";
            await records.RecordOutcomeAsync(null, RecordKind, now, notApplied, cancellationToken);
            if (enabled)
            {
                LogEnabled(logger, command.By.Label);
            }
        }

        return new EnableWebhookEndpointResult.Enabled(endpoint);
    }

    [LoggerMessage(
        EventId = 7003,
        Level = LogLevel.Warning,
        Message = "Operator {Operator} re-enabled the webhook endpoint"
    )]
    private static partial void LogEnabled(ILogger logger, string @operator);
}
