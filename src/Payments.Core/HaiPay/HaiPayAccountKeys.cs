using System.Security.Cryptography;

namespace Payments.Core.HaiPay;

/// <summary>
/// What building and verifying one account's messages needs; the private key is the signer's
/// (<see cref="IHaiPaySigner"/>). <see cref="ToString"/> shows the appId only.
/// </summary>
public sealed class HaiPayAccountKeys(long appId, string merchantSecret, RSA platformKey)
{
    public long AppId { get; } = appId;
    public string MerchantSecret { get; } = merchantSecret;
    public RSA PlatformKey { get; } = platformKey;

    public override string ToString() => $"HaiPay account {AppId}";
}
