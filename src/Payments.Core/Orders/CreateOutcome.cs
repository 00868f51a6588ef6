namespace Payments.Core.Orders;

/// <summary>
/// What a create request (frame, collection, refund) came to; <paramref name="ProviderCode"/> is the provider's refusal
/// code.
/// </summary>
public sealed record CreateOutcome(CreateOutcomeKind Kind, PaymentOrder Order, string? ProviderCode = null);
