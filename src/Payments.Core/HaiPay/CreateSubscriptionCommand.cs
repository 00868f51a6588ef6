using System.Globalization;
using Payments.Core.Orders;

namespace Payments.Core.HaiPay;

/// <summary>
/// A merchant's validated request for a card subscription: the collection fields plus how often it charges.
/// </summary>
public sealed record CreateSubscriptionCommand(CreateCollectionCommand Payment, Recurrence Recurrence)
{
    public string SubscriptionId => Payment.OrderId;

    /// <summary>Over everything but the card's secret parts.</summary>
    public string Fingerprint =>
        RequestFingerprint.Of(
            "haipay-subscription",
            Payment.Fingerprint,
            Recurrence.UnitCode,
            Recurrence.Count.ToString(CultureInfo.InvariantCulture),
            Recurrence.RetryTimes.ToString(CultureInfo.InvariantCulture)
        );
}
