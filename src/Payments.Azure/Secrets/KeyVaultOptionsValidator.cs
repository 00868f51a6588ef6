using Microsoft.Extensions.Options;

namespace Payments.Azure.Secrets;

internal sealed class KeyVaultOptionsValidator : IValidateOptions<KeyVaultOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyVaultOptions options)
    {
        var failures = new List<string>();
        if (options.VaultUri is { } uri && (!uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{KeyVaultOptions.Section}:VaultUri must be an absolute https URL.");
        }

        if (options.RefreshInterval <= TimeSpan.Zero || options.RefreshInterval > TimeSpan.FromDays(1))
        {
            failures.Add($"{KeyVaultOptions.Section}:RefreshInterval must be more than zero and at most one day.");
        }

        if (options.MinRefreshInterval < TimeSpan.Zero || options.MinRefreshInterval > options.RefreshInterval)
        {
            failures.Add($"{KeyVaultOptions.Section}:MinRefreshInterval must be from zero to RefreshInterval.");
        }

        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(2))
        {
            failures.Add($"{KeyVaultOptions.Section}:Timeout must be from 1 second to 2 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
