using System.Text.Json;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Api;

/// <summary>
/// Operator access on Azure, read from the compiled ARM JSON: App Service Authentication (<c>authsettingsV2</c>) with
/// the Entra ID provider on the operators' app registration (the <c>operatorClientId</c> parameter, which azd fills from
/// <c>OPERATOR_CLIENT_ID</c>), unauthenticated requests let through to the merchant and provider routes, no token kept,
/// and the app told to take only signed-in operators (<c>Operators__Authentication=EntraId</c>).
/// </summary>
public sealed class InfraOperatorAccessTests
{
    private const string ClientId = "[parameters('operatorClientId')]";

    private static readonly ArmTemplate Template = ArmTemplate.Main;

    [Fact]
    public void AuthSettings_EntraIdProviderOnTheClientIdParameter_AnonymousLetThroughNoTokenStore()
    {
        var auth = Template.SiteConfig("authsettingsV2").GetProperty("properties");
        var entra = auth.GetProperty("identityProviders").GetProperty("azureActiveDirectory");

        Assert.True(auth.GetProperty("platform").GetProperty("enabled").GetBoolean());
        Assert.Equal(
            ("AllowAnonymous", false),
            (
                auth.GetProperty("globalValidation").GetProperty("unauthenticatedClientAction").GetString(),
                auth.GetProperty("globalValidation").GetProperty("requireAuthentication").GetBoolean()
            )
        );
        Assert.True(entra.GetProperty("enabled").GetBoolean());
        Assert.Equal(ClientId, entra.GetProperty("registration").GetProperty("clientId").GetString());
        Assert.Contains("/v2.0", entra.GetProperty("registration").GetProperty("openIdIssuer").GetString());
        Assert.Equal(
            ["[format('api://{0}', parameters('operatorClientId'))]", ClientId],
            entra.GetProperty("validation").GetProperty("allowedAudiences").EnumerateArray().Select(a => a.GetString())
        );
        Assert.False(auth.GetProperty("login").GetProperty("tokenStore").GetProperty("enabled").GetBoolean());
        Assert.True(auth.GetProperty("httpSettings").GetProperty("requireHttps").GetBoolean());
    }

    [Fact]
    public void OperatorClientId_RequiredFromAzdAndPassedToTheFunctionApp()
    {
        var parameter = Template.Root.GetProperty("parameters").GetProperty("operatorClientId");
        using var file = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "main.parameters.json"))
        );

        Assert.False(parameter.TryGetProperty("defaultValue", out _));
        Assert.Equal(36, parameter.GetProperty("minLength").GetInt32());
        Assert.Equal(
            "${OPERATOR_CLIENT_ID}",
            file.RootElement.GetProperty("parameters").GetProperty("operatorClientId").GetProperty("value").GetString()
        );
        Assert.Equal(
            ClientId,
            Template
                .Module("functionapp")
                .GetProperty("properties")
                .GetProperty("parameters")
                .GetProperty("operatorClientId")
                .GetProperty("value")
                .GetString()
        );
    }

    [Fact]
    public void AppSettings_OperatorsAuthenticationEntraId()
    {
        var appSettings = Template
            .Module("functionapp")
            .GetProperty("properties")
            .GetProperty("parameters")
            .GetProperty("appSettings")
            .GetProperty("value")
            .GetString()!;

        Assert.Contains("'Operators__Authentication', 'EntraId'", appSettings, StringComparison.Ordinal);
        Assert.DoesNotContain("OperatorKeys__", appSettings, StringComparison.Ordinal);
    }

    [Fact]
    public void AzdHooks_RegisterBeforeProvisionRedirectAfter()
    {
        var azd = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "azure.yaml"));

        Assert.Contains("bash infra/hooks/operator-app.sh register", azd, StringComparison.Ordinal);
        Assert.Contains("bash infra/hooks/operator-app.sh redirect", azd, StringComparison.Ordinal);
        Assert.Contains("infra/hooks/operator-app.ps1 register", azd, StringComparison.Ordinal);
        Assert.Contains("infra/hooks/operator-app.ps1 redirect", azd, StringComparison.Ordinal);
        Assert.True(
            azd.IndexOf("operator-app.sh register", StringComparison.Ordinal)
                < azd.IndexOf("postprovision:", StringComparison.Ordinal)
        );
    }
}
