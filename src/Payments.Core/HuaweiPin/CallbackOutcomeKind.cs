namespace Payments.Core.HuaweiPin;

public enum CallbackOutcomeKind
{
    Acknowledged,
    Malformed,
    Unauthorized,
}
