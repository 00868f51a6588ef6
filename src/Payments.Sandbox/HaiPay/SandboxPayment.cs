using System.Collections.Concurrent;

namespace Payments.Sandbox.HaiPay;

/// <summary>A collection the sandbox accepted. Keeps the card's last four digits only.</summary>
public sealed class SandboxPayment(
    string orderId,
    string orderNo,
    string amount,
    string currency,
    string notifyUrl,
    string cardLast4
)
{
    public string OrderId { get; } = orderId;
    public string OrderNo { get; } = orderNo;
    public string Amount { get; } = amount;
    public string Currency { get; } = currency;
    public string NotifyUrl { get; } = notifyUrl;
    public string CardLast4 { get; } = cardLast4;

    /// <summary>For a subscription charge: the subscription that made it.</summary>
    public SandboxSubscription? Subscription { get; init; }
    public int Status { get; set; } = 1;
    public string? ActualAmount { get; set; }
    public string? PayTime { get; set; }
    public string? ErrorMsg { get; set; }

    /// <summary>The handling fee the status query reports (<c>0.00</c> when none was restated).</summary>
    public string? Fee { get; set; }

    /// <summary>HaiPay lost the order: its status query answers "order does not exist".</summary>
    public bool Forgotten { get; set; }
    public ConcurrentQueue<NotificationAttempt> Deliveries { get; } = new();

    /// <summary>
    /// How the next refund of this collection ends; null: as <see cref="HaiPayFaults.RefundOutcome"/>.
    /// </summary>
    public ArrangedRefund? NextRefund { get; set; }

    /// <summary>Takes the arrangement for the next refund (it holds for one refund only).</summary>
    public ArrangedRefund? TakeNextRefund()
    {
        lock (this)
        {
            var arranged = NextRefund;
            NextRefund = null;
            return arranged;
        }
    }

    private int queries;

    /// <summary>How many status queries asked about this payment.</summary>
    public int Queries => Volatile.Read(ref queries);

    public void CountQuery() => Interlocked.Increment(ref queries);
}
