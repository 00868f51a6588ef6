using Payments.Http.Webhooks;

namespace Payments.Http.Jobs;

/// <summary>Delivers due merchant notifications on the <c>DeliverWebhooksSchedule</c> app setting.</summary>
public sealed class DeliverWebhooksScheduledJob(WebhookDispatcher dispatcher) : IScheduledJob
{
    public const string Setting = "DeliverWebhooksSchedule";

    public string ScheduleSetting => Setting;

    public Task RunOnceAsync(CancellationToken cancellationToken) => dispatcher.RunOnceAsync(cancellationToken);
}
