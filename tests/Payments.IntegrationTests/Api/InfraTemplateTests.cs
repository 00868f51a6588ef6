using System.Text.Json;
using System.Text.RegularExpressions;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Api;

/// <summary>
/// <c>infra/main.bicep</c> compiled by the Bicep CLI (0 warnings), and the compiled ARM JSON holds what the design
/// promises: no shared keys or local auth anywhere, TLS 1.2, Flex Consumption, the app's identity with exactly the roles
/// it needs on each resource, and URLs built from the app's real host name.
/// </summary>
public sealed partial class InfraTemplateTests
{
    private static readonly ArmTemplate Template = ArmTemplate.Main;

    [Fact]
    public void BicepBuild_MainTemplate_NoWarnings()
    {
        Assert.Equal(string.Empty, Template.Diagnostics);
    }

    [Fact]
    public void StorageAccount_SharedKeyAndPublicBlobsOff_Tls12()
    {
        var account = Assert.Single(Template.Resources("Microsoft.Storage/storageAccounts")).Resource.GetProperty("properties");

        Assert.False(account.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(account.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.True(account.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
        Assert.Equal("TLS1_2", account.GetProperty("minimumTlsVersion").GetString());
    }

    [Fact]
    public void Monitoring_LocalAuthDisabled()
    {
        var insights = Assert.Single(Template.Resources("Microsoft.Insights/components")).Resource.GetProperty("properties");
        var workspace = Assert.Single(Template.Resources("Microsoft.OperationalInsights/workspaces")).Resource.GetProperty("properties");

        Assert.True(insights.GetProperty("DisableLocalAuth").GetBoolean());
        Assert.True(workspace.GetProperty("features").GetProperty("disableLocalAuth").GetBoolean());
    }

    [Fact]
    public void FunctionApp_FlexConsumptionFc1WithFunctionAppConfigHttpsOnlyTls12()
    {
        var plan = Assert.Single(Template.Resources("Microsoft.Web/serverfarms")).Resource;
        var site = Assert.Single(Template.Resources("Microsoft.Web/sites")).Resource.GetProperty("properties");
        var config = site.GetProperty("functionAppConfig");

        Assert.Equal(("FC1", "FlexConsumption"), (plan.GetProperty("sku").GetProperty("name").GetString(), plan.GetProperty("sku").GetProperty("tier").GetString()));
        Assert.Equal(("dotnet-isolated", "10.0"), (config.GetProperty("runtime").GetProperty("name").GetString(), config.GetProperty("runtime").GetProperty("version").GetString()));
        Assert.Equal("UserAssignedIdentity", config.GetProperty("deployment").GetProperty("storage").GetProperty("authentication").GetProperty("type").GetString());
        Assert.True(config.GetProperty("scaleAndConcurrency").TryGetProperty("maximumInstanceCount", out _));
        Assert.True(site.GetProperty("httpsOnly").GetBoolean());
        Assert.Equal("1.2", site.GetProperty("siteConfig").GetProperty("minTlsVersion").GetString());
    }

    [Fact]
    public void RoleAssignments_EachScope_ExactlyTheBuiltInRolesTheAppNeeds()
    {
        var expected = new Dictionary<string, string[]>
        {
            // Storage Blob Data Owner, Storage Queue Data Contributor, Storage Table Data Contributor
            ["Microsoft.Storage/storageAccounts"] = ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b"],
            // Key Vault Secrets User (the app), Key Vault Secrets Officer (the deploying person, when given)
            ["Microsoft.KeyVault/vaults"] = ["4633458b-17de-408a-b874-0445c86b69e6", "b86a8fe4-44ce-4948-aee5-eccb2c155cd7"],
            // Monitoring Metrics Publisher
            ["Microsoft.Insights/components"] = ["3913510d-42f4-4e42-8a64-420c390055eb"],
        };

        var actual = Template.Resources("Microsoft.Authorization/roleAssignments")
            .SelectMany(r => RoleIds(r.Resource, r.Template).Select(id => (Scope: ScopeType(r.Resource), Id: id)))
            .GroupBy(r => r.Scope)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Id).Order(StringComparer.Ordinal).ToArray());

        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), actual.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void NotifyAndCallbackUrls_FromTheAppsDefaultHostName()
    {
        var app = Template.Module("functionapp");
        var hostUrls = app.GetProperty("properties").GetProperty("parameters").GetProperty("hostUrlSettings").GetProperty("value");
        var settings = Assert.Single(Template.Resources("Microsoft.Web/sites/config")).Resource.GetProperty("properties").GetString()!;
        var url = app.GetProperty("properties").GetProperty("template").GetProperty("outputs").GetProperty("url").GetProperty("value").GetString()!;
        var outputs = Template.Root.GetProperty("outputs");

        Assert.Equal("/api/haipay/notify", hostUrls.GetProperty("HaiPay__NotifyUrl").GetString());
        Assert.Contains("toObject(items(parameters('hostUrlSettings'))", settings, StringComparison.Ordinal);
        Assert.Contains(".defaultHostName, lambdaVariables('setting').value)", settings, StringComparison.Ordinal);
        Assert.Contains("defaultHostName", url, StringComparison.Ordinal);
        Assert.Contains("functionAppUrl", outputs.GetProperty("HUAWEIPIN_CALLBACK_URL").GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("azurewebsites.net", Template.Root.GetRawText(), StringComparison.Ordinal);
    }

    /// <summary>The built-in role ids an assignment (or a copy loop of them over a variable) grants.</summary>
    private static IEnumerable<string> RoleIds(JsonElement assignment, JsonElement template)
    {
        var definition = assignment.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!;
        var variable = Variable().Match(definition).Groups[1].Value;
        var value = template.GetProperty("variables").GetProperty(variable);
        return definition.Contains("copyIndex()", StringComparison.Ordinal)
            ? value.EnumerateObject().Select(p => p.Value.GetString()!)
            : [value.GetString()!];
    }

    private static string ScopeType(JsonElement assignment) => ResourceType().Match(assignment.GetProperty("scope").GetString()!).Groups[1].Value;

    [GeneratedRegex(@"variables\('(\w+)'\)")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^\[resourceId\('([^']+)'")]
    private static partial Regex ResourceType();
}
