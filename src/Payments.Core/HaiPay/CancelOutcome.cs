using Payments.Core.Orders;

namespace Payments.Core.HaiPay;

/// <summary>
/// What a cancel request came to; <paramref name="ProviderCode"/> is HaiPay's error code when it refused.
/// </summary>
public sealed record CancelOutcome(CancelOutcomeKind Kind, PaymentOrder Subscription, string? ProviderCode = null);
