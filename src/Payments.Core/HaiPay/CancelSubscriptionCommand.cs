namespace Payments.Core.HaiPay;

/// <summary>A merchant's request to cancel a subscription.</summary>
public sealed record CancelSubscriptionCommand(string SubscriptionId);
