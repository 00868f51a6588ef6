namespace Payments.Core.Operations.Resolutions;

/// <summary>What an operator's resolution rests on, named as such in its audit record.</summary>
public static class ResolutionEvidence
{
    /// <summary>
    /// The provider is asked now; its signed answer must agree with the decision and flag nothing for a person (HaiPay
    /// only).
    /// </summary>
    public const string ProviderAnswer = "provider-answer";

    /// <summary>The operator's word.</summary>
    public const string ManualOverride = "manual-override";
}
