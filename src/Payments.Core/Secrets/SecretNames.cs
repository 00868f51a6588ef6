namespace Payments.Core.Secrets;

/// <summary>Secret names (valid Key Vault names: letters, digits, dashes).</summary>
public static class SecretNames
{
    public const string HuaweiPinApiKey = "HuaweiPin-ApiKey";
    public const string HuaweiPinSecretKey = "HuaweiPin-SecretKey";
    public const string HuaweiPinCallbackKey = "HuaweiPin-CallbackKey";

    /// <summary>
    /// The callback key before a rotation: accepted while set, so HUAWEIPIN's retries signed with it still verify.
    /// </summary>
    public const string HuaweiPinPreviousCallbackKey = "HuaweiPin-PreviousCallbackKey";

    /// <summary>
    /// Our RSA private key for <paramref name="currency"/>'s appId (PKCS#8 or PKCS#1, PEM or Base64).
    /// </summary>
    public static string HaiPayPrivateKey(string currency) => $"HaiPay-{Upper(currency)}-PrivateKey";

    /// <summary>The plain merchant secret appended to every string to sign.</summary>
    public static string HaiPayMerchantSecret(string currency) => $"HaiPay-{Upper(currency)}-MerchantSecret";

    /// <summary>HaiPay's platform public key (X.509, Base64) that signs replies and notifications.</summary>
    public static string HaiPayPlatformPublicKey(string currency) => $"HaiPay-{Upper(currency)}-PlatformPublicKey";

    /// <summary>
    /// The Standard Webhooks secret (<c>whsec_</c> and Base64) our outbound notifications are signed with.
    /// </summary>
    public const string WebhookSigningSecret = "Webhooks-SigningSecret";

    /// <summary>
    /// Optional: the secret being rotated out; while it is set, every notification carries both signatures.
    /// </summary>
    public const string WebhookPreviousSigningSecret = "Webhooks-PreviousSigningSecret";

    /// <summary>
    /// The key (at least 32 random characters) of the keyed digest that tells cards apart in <c>Idempotency-Key</c>
    /// fingerprints. Changing it makes a repeat of a card request made before the change answer 422 until the
    /// idempotency key expires.
    /// </summary>
    public const string IdempotencyFingerprintKey = "Idempotency-FingerprintKey";

    private static string Upper(string currency) => currency.ToUpperInvariant();
}
