using Payments.Core.Secrets;

namespace Payments.Testing.InMemory;

/// <summary><see cref="ISecretStore"/> over a dictionary: a name not in it is not configured, as in the vault.</summary>
public sealed class InMemorySecretStore(IReadOnlyDictionary<string, string> secrets) : ISecretStore
{
    public ValueTask<string> GetAsync(string name, CancellationToken cancellationToken) =>
        secrets.TryGetValue(name, out var value) && value.Length > 0
            ? ValueTask.FromResult(value)
            : ValueTask.FromException<string>(new SecretNotFoundException(name));

    public bool Invalidate(string name) => false;
}
