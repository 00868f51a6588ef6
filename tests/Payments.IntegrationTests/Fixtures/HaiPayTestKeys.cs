using System.Security.Cryptography;

namespace Payments.IntegrationTests.Fixtures;

/// <summary>
/// Fresh 2048-bit key pairs as HaiPay issues them: Base64 PKCS#8 private keys, Base64 X.509 public keys.
/// </summary>
public sealed record HaiPayTestKeys(
    string MerchantPrivate,
    string MerchantPublic,
    string PlatformPrivate,
    string PlatformPublic
)
{
    public static HaiPayTestKeys Generate()
    {
        using var merchant = RSA.Create(2048);
        using var platform = RSA.Create(2048);
        return new(
            Convert.ToBase64String(merchant.ExportPkcs8PrivateKey()),
            Convert.ToBase64String(merchant.ExportSubjectPublicKeyInfo()),
            Convert.ToBase64String(platform.ExportPkcs8PrivateKey()),
            Convert.ToBase64String(platform.ExportSubjectPublicKeyInfo())
        );
    }
}
