using Microsoft.Extensions.Configuration;
using Payments.Core.Secrets;
using Payments.Core.Text;

namespace Payments.Azure.Secrets;

/// <summary>
/// Secrets from configuration section <c>Secrets</c> (user secrets, environment variables,
/// <c>local.settings.json</c>): for local runs and tests. Azure uses Key Vault.
/// </summary>
public sealed class ConfigurationSecretStore(IConfiguration configuration) : ISecretStore
{
    public const string Section = "Secrets";

    /// <summary>The configured value; a blank one is never a key and reads as absent.</summary>
    public ValueTask<string> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (configuration[$"{Section}:{name}"] is not { } value || string.IsNullOrWhiteSpace(value))
        {
            throw new SecretNotFoundException(name);
        }

        SecretRedaction.Register(value);
        return ValueTask.FromResult(value);
    }

    /// <summary>Configuration is read on every call: there is nothing cached to refresh.</summary>
    public bool Invalidate(string name) => false;
}
