namespace Payments.Sandbox.HaiPay;

/// <summary>A refund the sandbox accepted: processing until it is first queried, then final.</summary>
public sealed class SandboxRefund(string orderId, string refundNo, string orderNo, string outcome, string? errorText = null)
{
    public string OrderId { get; } = orderId;
    public string RefundNo { get; } = refundNo;
    public string OrderNo { get; } = orderNo;
    public string Outcome { get; } = outcome;
    public int Status { get; set; } = 1;

    /// <summary>What a declined refund's <c>errorMsg</c> says instead of the usual text (<see cref="HaiPayFaults.Text"/>).</summary>
    public string? ErrorText { get; } = errorText;
}
