using Microsoft.Extensions.Options;
using Payments.Azure.Secrets;
using Payments.Core.HaiPay;

namespace Payments.Azure.Signing;

/// <summary>Checked at start: <c>HaiPay:Signing</c> = <c>KeyVaultKey</c> needs the vault it signs in.</summary>
internal sealed class HaiPaySigningValidator(IOptions<KeyVaultOptions> vault) : IValidateOptions<HaiPayOptions>
{
    public ValidateOptionsResult Validate(string? name, HaiPayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Signing == HaiPaySigning.KeyVaultKey && vault.Value.VaultUri is null
            ? ValidateOptionsResult.Fail(
                $"{HaiPayOptions.Section}:Signing is KeyVaultKey but {KeyVaultOptions.Section}:VaultUri is not set: "
                    + "the merchant keys are signed in that vault."
            )
            : ValidateOptionsResult.Success;
    }
}
