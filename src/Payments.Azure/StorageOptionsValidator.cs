using Microsoft.Extensions.Options;

namespace Payments.Azure;

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var hasConnection = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasConnection == (options.TableServiceUri is not null))
        {
            const string Section = StorageOptions.Section;
            return ValidateOptionsResult.Fail(
                $"Set exactly one of {Section}:ConnectionString and {Section}:TableServiceUri."
            );
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(2))
        {
            return ValidateOptionsResult.Fail(
                $"{StorageOptions.Section}:Timeout must be more than zero and at most 2 minutes."
            );
        }

        var prefix = options.TablePrefix;
        return prefix.Length is > 0 and <= 20 && prefix.All(char.IsAsciiLetterOrDigit) && char.IsAsciiLetter(prefix[0])
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{StorageOptions.Section}:TablePrefix must be 1-20 letters or digits, starting with a letter."
            );
    }
}
