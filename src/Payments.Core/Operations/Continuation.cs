using System.Buffers.Text;
using System.Text;

namespace Payments.Core.Operations;

/// <summary>
/// The opaque continuation of a listing: the last index key read, Base64url. A listing resumes after that key, so a
/// page never depends on how many rows came before it.
/// </summary>
public static class Continuation
{
    private const int MaxKeyLength = 1024;

    public static string Encode(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    /// <summary>The key, or null when <paramref name="continuation"/> is not one this service handed out.</summary>
    public static string? Decode(string continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        if (continuation.Length > MaxKeyLength * 2 || !Base64Url.IsValid(continuation))
        {
            return null;
        }

        var key = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(continuation));
        return
            key.Length is > 20 and <= MaxKeyLength
            && key[19] == '-'
            && key.AsSpan(0, 19).IndexOfAnyExceptInRange('0', '9') < 0
            && key.AsSpan(20).IndexOfAnyExcept(KeyCharacters) < 0
            ? key
            : null;
    }

    private static readonly System.Buffers.SearchValues<char> KeyCharacters = System.Buffers.SearchValues.Create(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!"
    );
}
