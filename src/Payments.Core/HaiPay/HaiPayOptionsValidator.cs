using Microsoft.Extensions.Options;

namespace Payments.Core.HaiPay;

/// <summary>
/// Cross-field rules checked at start: a notify URL for any account, a lease longer than a call, a sane amount range,
/// a known signing mode.
/// </summary>
public sealed class HaiPayOptionsValidator : IValidateOptions<HaiPayOptions>
{
    public ValidateOptionsResult Validate(string? name, HaiPayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Accounts.Count > 0 && options.NotifyUrl is not { IsAbsoluteUri: true })
        {
            failures.Add(
                "HaiPay:NotifyUrl must be this service's absolute /api/haipay/notify URL when an account is configured."
            );
        }

        if (!Enum.IsDefined(options.Signing))
        {
            failures.Add("HaiPay:Signing must be LocalKey or KeyVaultKey.");
        }

        if (options.ClaimLease <= options.Timeout)
        {
            failures.Add("HaiPay:ClaimLease must be longer than HaiPay:Timeout.");
        }

        if (options.MinAmount > options.MaxAmount)
        {
            failures.Add("HaiPay:MinAmount must not exceed HaiPay:MaxAmount.");
        }

        failures.AddRange(
            options
                .Accounts.Where(a => a.Value.AppId <= 0 || a.Key.Length != 3)
                .Select(a => $"HaiPay:Accounts:{a.Key} needs a three-letter currency code and a positive AppId.")
        );
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
