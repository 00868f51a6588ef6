using Microsoft.Extensions.Options;

namespace Payments.Azure;

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var hasConnection = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasConnection == (options.TableServiceUri is not null))
        {
            return ValidateOptionsResult.Fail(
                $"Set exactly one of {StorageOptions.Section}:ConnectionString and {StorageOptions.Section}:TableServiceUri.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(2))
        {
            return ValidateOptionsResult.Fail($"{StorageOptions.Section}:Timeout must be more than zero and at most 2 minutes.");
        }

        return options.TablePrefix.Length is > 0 and <= 20 && options.TablePrefix.All(char.IsAsciiLetterOrDigit) && char.IsAsciiLetter(options.TablePrefix[0])
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{StorageOptions.Section}:TablePrefix must be 1-20 letters or digits, starting with a letter.");
    }
}
