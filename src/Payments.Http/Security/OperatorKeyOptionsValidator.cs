using Microsoft.Extensions.Options;

namespace Payments.Http.Security;

/// <summary>Operator keys are long, none blank, and never also a merchant's function key (checked on start).</summary>
public sealed class OperatorKeyOptionsValidator(IOptionsMonitor<FunctionKeyOptions> functionKeys)
    : IValidateOptions<OperatorKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, OperatorKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var setting = $"{OperatorKeyOptions.Section}:Keys";
        var failures = ConfiguredKeys.Failures(setting, options.Keys, OperatorKeyOptions.MinKeyLength).ToList();

        if (options.Keys.Any(k => FunctionKeys().Contains(k, StringComparer.Ordinal)))
        {
            failures.Add(
                $"A key in {OperatorKeyOptions.Section}:Keys is also in {FunctionKeyOptions.Section}:Keys; merchant "
                    + $"keys must not open operator routes."
            );
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The function keys to compare with; invalid ones are reported by their own validator, once.</summary>
    private IList<string> FunctionKeys()
    {
        try
        {
            return functionKeys.CurrentValue.Keys;
        }
        catch (OptionsValidationException)
        {
            return [];
        }
    }
}
