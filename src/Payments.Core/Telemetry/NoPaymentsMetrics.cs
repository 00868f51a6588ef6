using Payments.Core.Orders;

namespace Payments.Core.Telemetry;

/// <summary>
/// Records nothing: for a service collection that registers storage or secrets without the hosts' telemetry.
/// </summary>
public sealed class NoPaymentsMetrics : IPaymentsMetrics
{
    public static NoPaymentsMetrics Instance { get; } = new();

    public void OrderChanged(PaymentOrder before, PaymentOrder after) { }

    public void ProviderCalled(string provider, string operation, string outcome, TimeSpan duration) { }

    public void PollRan(TimeSpan lag) { }

    public void SecretRead(bool success) { }
}
