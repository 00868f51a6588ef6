namespace Payments.Core.Secrets;

/// <summary>Provider credentials and keys. Values are never logged, stored or echoed.</summary>
public interface ISecretStore
{
    /// <summary>The current value of the secret (cached by implementations that call a vault).</summary>
    /// <exception cref="SecretNotFoundException">The secret is not configured.</exception>
    /// <exception cref="SecretUnavailableException">The vault did not answer and no earlier value is
    /// cached.</exception>
    ValueTask<string> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a cached value as possibly rotated, e.g. after a provider rejected our credentials or a signature did
    /// not verify. Implementations rate-limit this so forged requests cannot drive vault traffic.
    /// </summary>
    /// <returns>True when the next read fetches the value again (worth retrying the check once).</returns>
    bool Invalidate(string name);
}
