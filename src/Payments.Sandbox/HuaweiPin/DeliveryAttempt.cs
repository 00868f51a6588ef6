namespace Payments.Sandbox.HuaweiPin;

/// <summary>One callback POST and how the merchant answered (status 0: no answer).</summary>
public sealed record DeliveryAttempt(DateTimeOffset At, int Status, string Body, bool Forged);
