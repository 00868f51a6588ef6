using Payments.Core.Orders;
using Payments.Core.Validation;

namespace Payments.Core.Callbacks;

/// <summary>
/// How a provider callback or notification is answered: acknowledged (200 with the provider's word), malformed (400),
/// not authentic (401), or recorded but to be sent again (503).
/// </summary>
public sealed record CallbackOutcome(CallbackOutcomeKind Kind, FieldErrors? Errors = null)
{
    public static CallbackOutcome Acknowledged { get; } = new(CallbackOutcomeKind.Acknowledged);
    public static CallbackOutcome Unauthorized { get; } = new(CallbackOutcomeKind.Unauthorized);
    public static CallbackOutcome RetryLater { get; } = new(CallbackOutcomeKind.RetryLater);

    /// <summary>The order the message names, once it could be read (for traces and metrics).</summary>
    public string? OrderId { get; init; }

    /// <summary>What applying the message came to; null when it was not applied (malformed, not authentic).</summary>
    public UpdateResult? Update { get; init; }
}
