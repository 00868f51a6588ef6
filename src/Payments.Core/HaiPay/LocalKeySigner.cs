using System.Collections.Concurrent;
using System.Security.Cryptography;
using Payments.Core.Secrets;

namespace Payments.Core.HaiPay;

/// <summary>
/// <see cref="HaiPaySigning.LocalKey"/>: the private key is the secret <c>HaiPay-{CCY}-PrivateKey</c> from the secret
/// store, parsed once and parsed again when the store returns a different text (rotation); the key is in this
/// process's memory.
/// </summary>
public sealed class LocalKeySigner(ISecretStore secrets) : IHaiPaySigner
{
    private readonly ConcurrentDictionary<string, Parsed> cache = new(StringComparer.OrdinalIgnoreCase);

    public async Task<string> SignAsync(string currency, string stringToSign, CancellationToken cancellationToken)
    {
        var text = await secrets.GetAsync(SecretNames.HaiPayPrivateKey(currency), cancellationToken);
        if (!cache.TryGetValue(currency, out var parsed) || parsed.Text != text)
        {
            parsed = new Parsed(text, HaiPayKeys.PrivateKey(text));
            cache[currency] = parsed;
        }

        return HaiPaySignature.Sign(stringToSign, parsed.Key);
    }

    public bool Invalidate(string currency) => secrets.Invalidate(SecretNames.HaiPayPrivateKey(currency));

    /// <summary>A parsed key and the text it came from (a class: no generated ToString).</summary>
    private sealed class Parsed(string text, RSA key)
    {
        public string Text { get; } = text;
        public RSA Key { get; } = key;
    }
}
