using Microsoft.Extensions.Configuration;
using Payments.Core.Secrets;

namespace Payments.Azure.Secrets;

/// <summary>
/// Secrets from configuration section <c>Secrets</c> (user secrets, environment variables,
/// <c>local.settings.json</c>): for local runs and tests. Azure uses Key Vault.
/// </summary>
public sealed class ConfigurationSecretStore(IConfiguration configuration) : ISecretStore
{
    public const string Section = "Secrets";

    public ValueTask<string> GetAsync(string name, CancellationToken cancellationToken) =>
        configuration[$"{Section}:{name}"] is { Length: > 0 } value
            ? ValueTask.FromResult(value)
            : throw new SecretNotFoundException(name);

    /// <summary>Configuration is read on every call: there is nothing cached to refresh.</summary>
    public bool Invalidate(string name) => false;
}
