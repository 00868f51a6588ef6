namespace Payments.Core.Callbacks;

public enum CallbackOutcomeKind
{
    Acknowledged,
    Malformed,
    Unauthorized,
}
