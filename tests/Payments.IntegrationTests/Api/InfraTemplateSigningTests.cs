using System.Text.Json;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Api;

/// <summary>
/// On Azure the HaiPay merchant keys sign in the vault: the compiled template sets <c>HaiPay__Signing</c> to
/// <c>KeyVaultKey</c>, grants the app's identity Key Vault Crypto User on the vault, and no longer names a private key
/// secret.
/// </summary>
public sealed class InfraTemplateSigningTests
{
    private const string CryptoUser = "12338af0-0e69-4776-bea7-57ae8d297424";

    private static readonly ArmTemplate Template = ArmTemplate.Main;

    [Fact]
    public void AppSettings_HaiPaySigning_KeyVaultKey()
    {
        var settings = Template
            .Module("functionapp")
            .GetProperty("properties")
            .GetProperty("parameters")
            .GetProperty("appSettings");
        var text = settings.ValueKind == JsonValueKind.String ? settings.GetString()! : settings.GetRawText();

        Assert.Contains("'HaiPay__Signing', 'KeyVaultKey'", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Vault_AppIdentityIsKeyVaultCryptoUser_AndNoPrivateKeySecretIsNamed()
    {
        var vault = Template.Module("keyvault").GetProperty("properties").GetProperty("template");
        var signer = Assert.Single(Template.Resources("Microsoft.Authorization/roleAssignments"), r =>
            r.Template.GetProperty("variables").TryGetProperty("cryptoUser", out var role)
            && role.GetString() == CryptoUser
            && r.Resource.GetProperty("properties")
                .GetProperty("roleDefinitionId")
                .GetString()!
                .Contains("variables('cryptoUser')", StringComparison.Ordinal)
        );

        Assert.StartsWith(
            "[resourceId('Microsoft.KeyVault/vaults'",
            signer.Resource.GetProperty("scope").GetString(),
            StringComparison.Ordinal
        );
        Assert.Equal(
            ("[parameters('principalId')]", "ServicePrincipal"),
            (
                signer.Resource.GetProperty("properties").GetProperty("principalId").GetString(),
                signer.Resource.GetProperty("properties").GetProperty("principalType").GetString()
            )
        );
        Assert.DoesNotContain("PrivateKey", vault.GetProperty("variables").GetRawText(), StringComparison.Ordinal);
    }
}
