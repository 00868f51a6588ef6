namespace Payments.Core.Telemetry;

/// <summary>The <c>outcome</c> tag of <c>payments.provider.calls</c>.</summary>
public static class ProviderCallOutcomes
{
    /// <summary>A usable answer (a created order, a verified reply).</summary>
    public const string Success = "success";

    /// <summary>The provider answered with a refusal (an error envelope, a published refusal code).</summary>
    public const string Refused = "refused";

    /// <summary>No answer: timeout, HTTP 5xx, transport error.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>
    /// An answer that cannot be used: not the provider's format, unsigned where a signature is required, a signature
    /// that did not verify.
    /// </summary>
    public const string Malformed = "malformed";
}
