namespace Payments.Core.Callbacks;

public enum CallbackOutcomeKind
{
    Acknowledged,
    Malformed,
    Unauthorized,

    /// <summary>Authentic and recorded, but not understood: not acknowledged, so the provider sends it again.</summary>
    RetryLater,
}
