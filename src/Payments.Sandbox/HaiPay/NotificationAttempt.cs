namespace Payments.Sandbox.HaiPay;

/// <summary>One notification POST and how the merchant answered (status 0: no answer).</summary>
public sealed record NotificationAttempt(DateTimeOffset At, int Status, string Body, bool Forged);
