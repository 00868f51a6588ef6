using System.Security.Cryptography;

namespace Payments.Core.HaiPay;

/// <summary>
/// Loads RSA keys as HaiPay issues them (Base64 without armour) or as PEM: private keys in PKCS#8 or
/// PKCS#1, public keys as X.509 SubjectPublicKeyInfo or PKCS#1. Error messages never contain key material.
/// </summary>
public static class HaiPayKeys
{
    public static RSA PrivateKey(string text) =>
        Load(
            text,
            "private",
            (rsa, der) => rsa.ImportPkcs8PrivateKey(der, out _),
            (rsa, der) => rsa.ImportRSAPrivateKey(der, out _)
        );

    public static RSA PublicKey(string text) =>
        Load(
            text,
            "public",
            (rsa, der) => rsa.ImportSubjectPublicKeyInfo(der, out _),
            (rsa, der) => rsa.ImportRSAPublicKey(der, out _)
        );

    private static RSA Load(string text, string kind, params Action<RSA, byte[]>[] imports)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var rsa = RSA.Create();
        try
        {
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                rsa.ImportFromPem(text);
                return rsa;
            }

            var der = Convert.FromBase64String(string.Concat(text.Where(c => !char.IsWhiteSpace(c))));
            foreach (var import in imports)
            {
                try
                {
                    import(rsa, der);
                    return rsa;
                }
                catch (CryptographicException)
                {
                    continue;
                }
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new CryptographicException($"The {kind} key is not a PKCS#8/PKCS#1/X.509 RSA key in PEM or Base64.");
        }

        rsa.Dispose();
        throw new CryptographicException($"The {kind} key is not a PKCS#8/PKCS#1/X.509 RSA key in PEM or Base64.");
    }
}
