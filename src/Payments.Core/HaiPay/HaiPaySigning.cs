namespace Payments.Core.HaiPay;

/// <summary>Where the merchant private key that signs HaiPay requests lives (<c>HaiPay:Signing</c>).</summary>
public enum HaiPaySigning
{
    /// <summary>
    /// The secret <c>HaiPay-{CCY}-PrivateKey</c>, parsed and used in this process (local runs, tests).
    /// </summary>
    LocalKey,

    /// <summary>
    /// The Key Vault key <c>HaiPay-{CCY}-MerchantKey</c>, imported non-exportable: the vault signs, the private key
    /// never enters this process.
    /// </summary>
    KeyVaultKey,
}
