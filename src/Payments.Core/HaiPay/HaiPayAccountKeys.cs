using System.Security.Cryptography;

namespace Payments.Core.HaiPay;

/// <summary>What signing and verifying for one account needs. <see cref="ToString"/> shows the appId only.</summary>
public sealed class HaiPayAccountKeys(long appId, RSA privateKey, string merchantSecret, RSA platformKey)
{
    public long AppId { get; } = appId;
    public RSA PrivateKey { get; } = privateKey;
    public string MerchantSecret { get; } = merchantSecret;
    public RSA PlatformKey { get; } = platformKey;

    public override string ToString() => $"HaiPay account {AppId}";
}
