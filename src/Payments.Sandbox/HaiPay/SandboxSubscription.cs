using System.Collections.Concurrent;
using System.Globalization;

namespace Payments.Sandbox.HaiPay;

/// <summary>
/// A subscription the sandbox accepted, with its billing position. Keeps the card's last four digits only.
/// </summary>
public sealed class SandboxSubscription(
    string subscriptionOrderId,
    string subscriptionNo,
    string amount,
    string currency,
    string notifyUrl,
    string cardLast4,
    string interval,
    int intervalCount,
    int retryTimes
)
{
    public string SubscriptionOrderId { get; } = subscriptionOrderId;
    public string SubscriptionNo { get; } = subscriptionNo;
    public string Amount { get; } = amount;
    public string Currency { get; } = currency;
    public string NotifyUrl { get; } = notifyUrl;
    public string CardLast4 { get; } = cardLast4;
    public string Interval { get; } = interval;
    public int IntervalCount { get; } = intervalCount;
    public int RetryTimes { get; } = retryTimes;

    /// <summary>-1 exception, 1 processing, 2 active, 3 failed, 4 canceled.</summary>
    public int Status { get; set; } = 1;

    /// <summary>The billing cycle due next (1 = the first charge, made when the customer confirms).</summary>
    public int Cycle { get; set; } = 1;

    /// <summary>Attempt number within <see cref="Cycle"/>; beyond 1 are retries of a failed charge.</summary>
    public int Attempt { get; set; } = 1;

    public DateTimeOffset? NextChargeAt { get; set; }

    /// <summary>When the current cycle's first attempt was due (retries do not shift the schedule).</summary>
    public DateTimeOffset? CycleDueAt { get; set; }

    /// <summary>Charge attempts made so far (each its own platform order).</summary>
    public ConcurrentQueue<SandboxPayment> Charges { get; } = new();

    public ConcurrentQueue<NotificationAttempt> Deliveries { get; } = new();

    public string StatusText => Status.ToString(CultureInfo.InvariantCulture);

    /// <summary>The length of one period in sandbox days (a month is 30, a year 365).</summary>
    public int PeriodDays =>
        IntervalCount
        * Interval switch
        {
            "W" => 7,
            "M" => 30,
            "Y" => 365,
            _ => 1,
        };
}
