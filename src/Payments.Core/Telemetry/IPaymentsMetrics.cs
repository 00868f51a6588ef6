using Payments.Core.Orders;

namespace Payments.Core.Telemetry;

/// <summary>
/// What the domain flows and the storage adapters report for metrics. The hosts' implementation is
/// <c>PaymentsTelemetry</c> (Payments.Http), which owns the <c>Payments</c> meter; this project only says what
/// happened.
/// </summary>
public interface IPaymentsMetrics
{
    /// <summary>
    /// An order change was stored (compare-and-swap succeeded): <paramref name="before"/> as read, <paramref
    /// name="after"/> as written.
    /// </summary>
    void OrderChanged(PaymentOrder before, PaymentOrder after);

    /// <summary>A call to a provider ended.</summary>
    /// <param name="provider"><see cref="ProviderNames"/>.</param>
    /// <param name="operation">The operation (<c>getframe</c>, <c>create-collection</c>, <c>query</c>, ...).</param>
    /// <param name="outcome"><see cref="ProviderCallOutcomes"/>.</param>
    /// <param name="duration">How long the call took, from sending to the interpreted answer.</param>
    void ProviderCalled(string provider, string operation, string outcome, TimeSpan duration);

    /// <summary>
    /// A HaiPay poll run started with its oldest due check <paramref name="lag"/> old (zero when nothing was due).
    /// </summary>
    void PollRan(TimeSpan lag);

    /// <summary>
    /// A secret was read from the vault (<paramref name="success"/>), or the read failed (no answer, not found).
    /// </summary>
    void SecretRead(bool success);
}
