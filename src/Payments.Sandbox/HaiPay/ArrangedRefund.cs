namespace Payments.Sandbox.HaiPay;

/// <summary>
/// How the next refund of a collection ends, arranged through the sandbox's control routes: <c>success</c>,
/// <c>failed</c> (accepted, then declined with <paramref name="Reason"/>) or <c>refused</c> (answered with error 4006
/// and <paramref name="Reason"/>, nothing created).
/// </summary>
public sealed record ArrangedRefund(string Outcome, string? Reason);
