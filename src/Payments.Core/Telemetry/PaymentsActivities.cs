using System.Diagnostics;

namespace Payments.Core.Telemetry;

/// <summary>
/// The <c>Payments</c> activity source: every activity the service starts itself (a callback, a webhook delivery, a
/// scheduled check of an order) comes from it, so one subscription by name sees them all.
/// </summary>
public static class PaymentsActivities
{
    public const string SourceName = "Payments";

    public static ActivitySource Source { get; } = new(SourceName);
}
