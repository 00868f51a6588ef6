namespace Payments.Core.Reconciliation;

/// <summary>
/// One pace for every reconciliation run in the process (the timer's, and operators' runs of other days at the same
/// time): each query takes the next slot <see cref="ReconciliationOptions.QueriesPerSecond"/> allows.
/// </summary>
public sealed class ReconciliationPace(TimeProvider time)
{
    private readonly Lock gate = new();
    private DateTimeOffset next = DateTimeOffset.MinValue;

    /// <summary>Waits for the next slot; <paramref name="perSecond"/> 0 or less: none to wait for.</summary>
    public async Task WaitAsync(double perSecond, CancellationToken cancellationToken)
    {
        if (perSecond <= 0)
        {
            return;
        }

        DateTimeOffset slot;
        lock (gate)
        {
            var now = time.GetUtcNow();
            slot = next > now ? next : now;
            next = slot + TimeSpan.FromSeconds(1 / perSecond);
        }

        var wait = slot - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
