using System.Text;
using Payments.Core.Secrets;

namespace Payments.Core.Idempotency;

/// <summary>
/// The key of the keyed digest (HMAC-SHA256) by which an <c>Idempotency-Key</c> fingerprint tells two cards apart
/// (secret <c>Idempotency-FingerprintKey</c>): without it, nothing stored can be tested against a guessed card.
/// Checked on start and on every read: blank is never a key, and it is at least <see cref="MinLength"/> characters.
/// </summary>
public sealed class FingerprintKey(ISecretStore secrets)
{
    public const int MinLength = 32;

    /// <exception cref="SecretNotFoundException">The secret is not configured.</exception>
    /// <exception cref="InvalidOperationException">Blank or short (the message names it, never its value).</exception>
    public async Task<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        var name = SecretNames.IdempotencyFingerprintKey;
        var text = await secrets.GetAsync(name, cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidOperationException(
                $"The secret '{name}' is blank; set a random key of at least {MinLength} characters."
            );
        }

        return text.Length >= MinLength
            ? Encoding.UTF8.GetBytes(text)
            : throw new InvalidOperationException($"The secret '{name}' must be at least {MinLength} characters.");
    }
}
