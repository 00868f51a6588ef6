using System.Security.Cryptography;

namespace Payments.AppHost;

/// <summary>
/// The HaiPay key pairs for this machine only: the merchant's and the sandbox platform's, as HaiPay issues them
/// (Base64 PKCS#8 private key, Base64 X.509 public key). Generated once into <c>.local/</c> (git-ignored) and read from
/// there afterwards, so a restart keeps the keys the running sandbox and Server agree on.
/// </summary>
internal sealed record HaiPayLocalKeys(
    string MerchantPrivateKey,
    string MerchantPublicKey,
    string PlatformPrivateKey,
    string PlatformPublicKey
)
{
    public static HaiPayLocalKeys LoadOrCreate(string repositoryRoot)
    {
        var folder = Path.Combine(repositoryRoot, ".local");
        Directory.CreateDirectory(folder);
        var (merchantKey, merchantPub) = Pair(folder, "merchant");
        var (platformKey, platformPub) = Pair(folder, "platform");
        return new HaiPayLocalKeys(merchantKey, merchantPub, platformKey, platformPub);
    }

    private static (string PrivateKey, string PublicKey) Pair(string folder, string who)
    {
        var privatePath = Path.Combine(folder, $"haipay-{who}.key");
        var publicPath = Path.Combine(folder, $"haipay-{who}.pub");
        if (!Exists(privatePath) || !Exists(publicPath))
        {
            using var rsa = RSA.Create(2048);
            WriteAtomically(publicPath, Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo()));
            WriteAtomically(privatePath, Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()));
        }

        return (File.ReadAllText(privatePath).Trim(), File.ReadAllText(publicPath).Trim());
    }

    private static bool Exists(string path) => File.Exists(path) && new FileInfo(path).Length > 0;

    /// <summary>Written beside and moved in place: a second start at that moment never reads half a key.</summary>
    private static void WriteAtomically(string path, string content)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
