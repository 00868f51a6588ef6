using System.Globalization;

namespace Payments.Sandbox.HaiPay;

/// <summary>
/// What the customer decides on HaiPay's pages, whether clicked there or triggered through the sandbox's control
/// routes: the outcome is stored and the merchant notified the same way.
/// </summary>
public sealed class HaiPayCompletions(HaiPaySandbox sandbox, HaiPayNotifier notifier, SubscriptionBilling billing)
{
    /// <summary>The outcomes of a collection's 3-D Secure page.</summary>
    public static readonly string[] CollectionOutcomes = ["success", "failed", "partial", "over"];

    /// <summary>
    /// Settles an open collection: <c>success</c> (the full amount), <c>failed</c> (declined with
    /// <paramref name="reason"/>), <c>partial</c> or <c>over</c> (<paramref name="collected"/>; default half the
    /// amount, or the amount plus one). False when it was settled before.
    /// </summary>
    public bool TryComplete(SandboxPayment collection, string outcome, decimal? collected, string? reason)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var amount = decimal.Parse(collection.Amount, CultureInfo.InvariantCulture);
        lock (collection)
        {
            if (collection.Status != 1)
            {
                return false;
            }

            (collection.Status, collection.ActualAmount, collection.ErrorMsg) = outcome switch
            {
                "success" => (2, collection.Amount, (string?)null),
                "failed" => (3, "0.00", reason ?? sandbox.Faults.Text ?? "card declined by issuer"),
                "partial" => (4, Money(collected ?? amount / 2), null),
                "over" => (5, Money(collected ?? amount + 1), null),
                _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "not a collection outcome"),
            };
            collection.PayTime = collection.Status == 2 ? notifier.Now() : null;
        }

        notifier.Start(collection);
        return true;
    }

    /// <summary>
    /// The customer approves (<c>success</c>: billing begins with the first charge) or declines (<c>failed</c>) a
    /// subscription waiting for them. False when it was confirmed or declined before.
    /// </summary>
    public bool TryConfirm(SandboxSubscription subscription, string outcome)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (subscription)
        {
            if (subscription.Status != 1)
            {
                return false;
            }

            subscription.Status = outcome == "success" ? 2 : 3;
        }

        notifier.Start(subscription);
        if (subscription.Status == 2)
        {
            billing.Begin(subscription);
        }

        return true;
    }

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
