using System.Collections.Concurrent;

namespace Payments.Sandbox.HaiPay;

/// <summary>
/// A refund the sandbox accepted on the account of <paramref name="currency"/>: processing until it is first queried
/// (or settled through the control routes), then final.
/// </summary>
public sealed class SandboxRefund(
    string orderId,
    string refundNo,
    string orderNo,
    string outcome,
    string currency,
    string? errorText = null
)
{
    public string OrderId { get; } = orderId;
    public string RefundNo { get; } = refundNo;
    public string OrderNo { get; } = orderNo;

    /// <summary>How the refund ends when it is first queried: <c>success</c> or <c>failed</c>.</summary>
    public string Outcome { get; set; } = outcome;
    public string Currency { get; } = currency;
    public int Status { get; set; } = 1;

    /// <summary>
    /// What a declined refund's <c>errorMsg</c> says instead of the usual text (<see cref="HaiPayFaults.Text"/>).
    /// </summary>
    public string? ErrorText { get; set; } = errorText;

    /// <summary>Every call that reached this refund, as <c>{account} {operation}</c>, e.g. EUR refund/apply.</summary>
    public ConcurrentQueue<string> Calls { get; } = new();
}
