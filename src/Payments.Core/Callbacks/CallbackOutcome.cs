using Payments.Core.Validation;

namespace Payments.Core.Callbacks;

/// <summary>How a provider callback or notification is answered: acknowledged (200 with the provider's word), malformed (400), or not authentic (401).</summary>
public sealed record CallbackOutcome(CallbackOutcomeKind Kind, FieldErrors? Errors = null)
{
    public static CallbackOutcome Acknowledged { get; } = new(CallbackOutcomeKind.Acknowledged);
    public static CallbackOutcome Unauthorized { get; } = new(CallbackOutcomeKind.Unauthorized);
}
