namespace Payments.Core.Secrets;

/// <summary>Provider credentials and keys. Values are never logged, stored or echoed.</summary>
public interface ISecretStore
{
    /// <summary>The current value of the secret (cached by implementations that call a vault).</summary>
    /// <exception cref="SecretNotFoundException">The secret is not configured.</exception>
    ValueTask<string> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Forgets a cached value, e.g. after a provider rejected our credentials (rotation).</summary>
    void Invalidate(string name);
}
