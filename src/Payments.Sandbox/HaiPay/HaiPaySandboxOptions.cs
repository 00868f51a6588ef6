namespace Payments.Sandbox.HaiPay;

/// <summary>
/// The merchant the HaiPay sandbox knows (section <c>Sandbox:HaiPay</c>): its USD account here, its accounts in other
/// currencies in <see cref="Accounts"/> (HaiPay issues an appId and keys per currency).
/// </summary>
public sealed class HaiPaySandboxOptions
{
    public const string Section = "Sandbox:HaiPay";

    public long AppId { get; set; } = 1054;

    /// <summary>The plain secret appended to every string to sign.</summary>
    public string MerchantSecret { get; set; } = "sandbox-merchant-secret";

    /// <summary>
    /// The merchant's RSA public key (X.509 or PKCS#1, PEM or Base64): requests are verified with it. Required.
    /// </summary>
    public string MerchantPublicKey { get; set; } = string.Empty;

    /// <summary>
    /// The platform's RSA private key; generated at start when empty (its public half: <c>GET
    /// /haipay/_sandbox/platform-key</c>).
    /// </summary>
    public string PlatformPrivateKey { get; set; } = string.Empty;

    /// <summary>The merchant's accounts in other currencies, by currency code (e.g. <c>EUR</c>).</summary>
    public IDictionary<string, HaiPaySandboxAccountOptions> Accounts { get; } =
        new Dictionary<string, HaiPaySandboxAccountOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Wait between notification attempts. HaiPay waits 5 minutes.</summary>
    public TimeSpan NotificationRetryInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a day lasts for sandbox subscriptions (their accelerated clock). Default 10 seconds.</summary>
    public TimeSpan SubscriptionDay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts after the first before giving up. HaiPay: 5.</summary>
    public int NotificationRetries { get; set; } = 5;
}
