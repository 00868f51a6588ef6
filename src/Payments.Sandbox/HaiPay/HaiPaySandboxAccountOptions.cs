namespace Payments.Sandbox.HaiPay;

/// <summary>
/// One of the merchant's accounts besides the USD one (section <c>Sandbox:HaiPay:Accounts:{CCY}</c>).
/// </summary>
public sealed class HaiPaySandboxAccountOptions
{
    public long AppId { get; set; }

    /// <summary>The plain secret appended to every string to sign on this account.</summary>
    public string MerchantSecret { get; set; } = string.Empty;

    /// <summary>The merchant's RSA public key for this account (X.509 or PKCS#1, PEM or Base64). Required.</summary>
    public string MerchantPublicKey { get; set; } = string.Empty;
}
