namespace Payments.Core.HaiPay;

/// <summary>
/// A request could not be signed (the signing key refused, absent or unreachable), so it was never sent. The message
/// names the key and the cause, never key material.
/// </summary>
public sealed class HaiPaySigningException : Exception
{
    public HaiPaySigningException() { }

    public HaiPaySigningException(string message)
        : base(message) { }

    public HaiPaySigningException(string message, Exception innerException)
        : base(message, innerException) { }
}
