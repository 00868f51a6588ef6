using Microsoft.Extensions.Options;

namespace Payments.Http.Security;

/// <summary>Operator keys are long and never also a merchant's function key (checked on start).</summary>
public sealed class OperatorKeyOptionsValidator(IOptionsMonitor<FunctionKeyOptions> functionKeys) : IValidateOptions<OperatorKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, OperatorKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Keys.Any(k => k is null || k.Length < OperatorKeyOptions.MinKeyLength))
        {
            failures.Add($"Every key in {OperatorKeyOptions.Section}:Keys must be at least {OperatorKeyOptions.MinKeyLength} characters.");
        }

        if (options.Keys.Any(k => functionKeys.CurrentValue.Keys.Contains(k, StringComparer.Ordinal)))
        {
            failures.Add($"A key in {OperatorKeyOptions.Section}:Keys is also in {FunctionKeyOptions.Section}:Keys; merchant keys must not open operator routes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
