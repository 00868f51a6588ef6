namespace Payments.Http.Webhooks;

/// <summary>
/// Until when the dispatcher's runs in this process skip the outbox queries: <c>Webhooks:IdleInterval</c> after a run
/// that found nothing due. One per process (the dispatcher is transient); a run that found work lifts it.
/// </summary>
public sealed class WebhookIdleGate(TimeProvider time)
{
    private long quietUntilTicks;

    /// <summary>Whether a run now may skip its queries.</summary>
    public bool IsQuiet() => time.GetUtcNow().UtcTicks < Interlocked.Read(ref quietUntilTicks);

    /// <summary>A run found <paramref name="due"/> deliveries due.</summary>
    public void Ran(long due, TimeSpan idleInterval) =>
        Interlocked.Exchange(ref quietUntilTicks, due == 0 ? (time.GetUtcNow() + idleInterval).UtcTicks : 0);
}
