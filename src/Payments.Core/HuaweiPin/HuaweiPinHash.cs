using System.Security.Cryptography;
using System.Text;

namespace Payments.Core.HuaweiPin;

/// <summary>
/// The callback hash: <c>SHA256(merchant_oid + amount + merchant_callback_privatekey)</c> over the exact
/// received strings (UTF-8). Lower-case hex is the expected form; upper-case hex and Base64 of the same
/// digest are accepted and reported. All comparisons are constant-time.
/// </summary>
public static class HuaweiPinHash
{
    public static byte[] Digest(string merchantOid, string amount, string callbackKey) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(merchantOid + amount + callbackKey));

    public static string Compute(string merchantOid, string amount, string callbackKey) =>
        Convert.ToHexStringLower(Digest(merchantOid, amount, callbackKey));

    public static HashForm Verify(string merchantOid, string amount, string callbackKey, string receivedHash)
    {
        ArgumentNullException.ThrowIfNull(receivedHash);
        var expected = Digest(merchantOid, amount, callbackKey);
        var received = Decode(receivedHash.Trim(), out var form);
        return received is not null && CryptographicOperations.FixedTimeEquals(expected, received)
            ? form
            : HashForm.None;
    }

    private static byte[]? Decode(string text, out HashForm form)
    {
        form = HashForm.None;
        if (text.Length == 64 && text.All(char.IsAsciiHexDigit))
        {
            form = text.Any(char.IsAsciiLetterUpper) ? HashForm.UpperHex : HashForm.LowerHex;
            return Convert.FromHexString(text);
        }

        var buffer = new byte[32];
        if (text.Length == 44 && Convert.TryFromBase64String(text, buffer, out var written) && written == 32)
        {
            form = HashForm.Base64;
            return buffer;
        }

        return null;
    }
}
