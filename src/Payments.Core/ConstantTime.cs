using System.Security.Cryptography;
using System.Text;

namespace Payments.Core;

public static class ConstantTime
{
    /// <summary>
    /// Compares two secrets in constant time, over their SHA-256 digests so the length does not leak either.
    /// </summary>
    public static bool SecretEquals(string expected, string received) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)),
            SHA256.HashData(Encoding.UTF8.GetBytes(received))
        );
}
