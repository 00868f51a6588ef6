using Microsoft.Extensions.Options;

namespace Payments.Http.Security;

/// <summary>Function keys are checked on start like operator keys: at least one, none blank, none short.</summary>
public sealed class FunctionKeyOptionsValidator : IValidateOptions<FunctionKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, FunctionKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var setting = $"{FunctionKeyOptions.Section}:Keys";
        var failures = ConfiguredKeys.Failures(setting, options.Keys, FunctionKeyOptions.MinKeyLength).ToList();
        if (options.Keys.Count == 0)
        {
            failures.Add($"Configure at least one key in {setting}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
