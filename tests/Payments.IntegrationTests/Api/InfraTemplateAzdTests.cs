using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Payments.Http.Telemetry;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Api;

/// <summary>
/// What <c>azd up</c> relies on, read from the compiled ARM JSON: only Flex Consumption regions offered, the vault's
/// create mode from the hook's environment value, the private networking option (endpoints for every storage service
/// the app uses and for the vault, public access off, the app in the network), one app setting and three secret names
/// per HaiPay account, host storage in its own account when asked, and a workbook charting every instrument the code
/// emits and nothing else.
/// </summary>
public sealed partial class InfraTemplateAzdTests
{
    private static readonly ArmTemplate Template = ArmTemplate.Main;

    /// <summary>The Flex Consumption regions (az functionapp list-flexconsumption-locations, the quickstart's list).</summary>
    private static readonly string[] FlexRegions =
    [
        "australiaeast",
        "centralindia",
        "centralus",
        "eastasia",
        "eastus",
        "eastus2",
        "francecentral",
        "germanywestcentral",
        "northcentralus",
        "northeurope",
        "southcentralus",
        "southeastasia",
        "swedencentral",
        "uksouth",
        "westcentralus",
        "westeurope",
        "westus2",
    ];

    private const string StorageGroups =
        "[if(parameters('hostStorage'), createObject('value', createArray('blob', 'queue', 'table')), "
        + "createObject('value', createArray('table')))]";

    private const string HostAccount =
        "[if(parameters('separateHostStorage'), reference(resourceId('Microsoft.Resources/deployments', "
        + "'host-storage'), '2025-04-01').outputs, reference(resourceId('Microsoft.Resources/deployments', 'storage'), "
        + "'2025-04-01').outputs).";

    private const string PrivateOnly = "[if(parameters('privateNetworking'), 'Disabled', 'Enabled')]";

    [Fact]
    public void Location_OnlyFlexConsumptionRegions_AzdAsksForALocation()
    {
        var location = Template.Root.GetProperty("parameters").GetProperty("location");

        Assert.Equal(FlexRegions, location.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("location", location.GetProperty("metadata").GetProperty("azd").GetProperty("type").GetString());
    }

    [Fact]
    public void KeyVault_CreateModeFromTheHooksEnvironmentValue_DefaultOrRecover()
    {
        var parameter = Template.Root.GetProperty("parameters").GetProperty("keyVaultCreateMode");
        var vault = Assert.Single(Template.Resources("Microsoft.KeyVault/vaults")).Resource.GetProperty("properties");
        var hook = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "hooks", "preprovision.sh"));

        Assert.Equal(
            ["default", "recover"],
            parameter.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString())
        );
        Assert.Equal("default", parameter.GetProperty("defaultValue").GetString());
        Assert.Equal("[parameters('createMode')]", vault.GetProperty("createMode").GetString());
        Assert.True(vault.GetProperty("enablePurgeProtection").GetBoolean());
        Assert.Equal(
            "${KEY_VAULT_CREATE_MODE=default}",
            Parameters().GetProperty("keyVaultCreateMode").GetProperty("value").GetString()
        );
        Assert.Contains("azd env set KEY_VAULT_CREATE_MODE recover", hook, StringComparison.Ordinal);
        Assert.Contains("az keyvault list-deleted", hook, StringComparison.Ordinal);
    }

    [Fact]
    public void PrivateNetworking_OffByDefault_OnPrivateEndpointsForEveryServiceAndPublicAccessOff()
    {
        var parameter = Template.Root.GetProperty("parameters").GetProperty("privateNetworking");
        var endpointModules = Template
            .Resources("Microsoft.Resources/deployments")
            .Select(r => r.Resource)
            .Where(r =>
                ArmTemplateResources(r)
                    .Any(inner => inner.GetProperty("type").GetString() == "Microsoft.Network/privateEndpoints")
            )
            .ToList();
        var groups = endpointModules.Select(GroupIds).ToList();
        var accounts = Template.Resources("Microsoft.Storage/storageAccounts").Select(r => r.Resource).ToList();
        var vault = Assert.Single(Template.Resources("Microsoft.KeyVault/vaults")).Resource.GetProperty("properties");
        var site = Assert.Single(Template.Resources("Microsoft.Web/sites")).Resource.GetProperty("properties");
        var zones = Assert
            .Single(Template.Resources("Microsoft.Network/privateDnsZones"))
            .Template.GetProperty("variables")
            .GetProperty("zoneNames");

        Assert.False(parameter.GetProperty("defaultValue").GetBoolean());
        Assert.Equal(3, endpointModules.Count);
        Assert.All(endpointModules, m =>
            Assert.Equal("[parameters('privateNetworking')]", m.GetProperty("condition").GetString())
        );
        // Each storage account: blob + queue + table when it is the host's, else table; the vault: vault.
        Assert.Equal([StorageGroups, StorageGroups, "vault"], groups);
        Assert.Equal(2, accounts.Count);
        Assert.All(accounts, a =>
        {
            var properties = a.GetProperty("properties");
            Assert.Equal(PrivateOnly, properties.GetProperty("publicNetworkAccess").GetString());
            Assert.Equal(
                "[if(parameters('privateNetworking'), 'Deny', 'Allow')]",
                properties.GetProperty("networkAcls").GetProperty("defaultAction").GetString()
            );
        });
        Assert.Equal(PrivateOnly, vault.GetProperty("publicNetworkAccess").GetString());
        Assert.Equal(
            "[if(empty(parameters('virtualNetworkSubnetId')), null(), parameters('virtualNetworkSubnetId'))]",
            site.GetProperty("virtualNetworkSubnetId").GetString()
        );
        Assert.Equal(["blob", "queue", "table", "vault"], zones.EnumerateObject().Select(p => p.Name));
        Assert.Contains("appSubnetId", FunctionAppParameter("virtualNetworkSubnetId"), StringComparison.Ordinal);
        Assert.Equal(
            "${PRIVATE_NETWORKING=false}",
            Parameters().GetProperty("privateNetworking").GetProperty("value").GetString()
        );
    }

    [Fact]
    public void HaiPayAccounts_OneAppSettingAndThreeSecretNamesPerAccount()
    {
        var accounts = Template.Root.GetProperty("parameters").GetProperty("haiPayAccounts");
        var settings = FunctionAppParameter("appSettings");
        var vault = Template.Module("keyvault").GetProperty("properties");
        var accountSecrets = vault
            .GetProperty("template")
            .GetProperty("variables")
            .GetProperty("accountSecretNames")
            .GetString()!;
        var given = Assert.Single(Parameters().GetProperty("haiPayAccounts").GetProperty("value").EnumerateArray());

        Assert.Equal("array", accounts.GetProperty("type").GetString());
        Assert.False(accounts.TryGetProperty("defaultValue", out _));
        Assert.Contains(
            "toObject(parameters('haiPayAccounts'), lambda('account', format('HaiPay__Accounts__{0}__AppId', "
                + "toUpper(lambdaVariables('account').currency))), lambda('account', string(lambdaVariables('account').appId)))",
            settings,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("HaiPay__Accounts__USD", settings, StringComparison.Ordinal);
        Assert.Equal(
            ["HaiPay-{0}-MerchantSecret", "HaiPay-{0}-PlatformPublicKey"],
            SecretFormat().Matches(accountSecrets).Select(m => m.Groups[1].Value)
        );
        Assert.StartsWith("[flatten(map(parameters('haiPayCurrencies')", accountSecrets, StringComparison.Ordinal);
        Assert.Equal(
            ("USD", "${HAIPAY_USD_APP_ID}"),
            (given.GetProperty("currency").GetString(), given.GetProperty("appId").GetString())
        );
    }

    [Fact]
    public void SeparateHostStorage_HostSettingsAndPackageFromTheHostAccount_PaymentsAccountTablesOnly()
    {
        var hostModule = Template.Module("host-storage");
        var payments = Template.Module("storage").GetProperty("properties").GetProperty("parameters");
        var blobRoleCondition = Template
            .Module("storage")
            .GetProperty("properties")
            .GetProperty("template")
            .GetProperty("resources")
            .EnumerateArray()
            .Single(r =>
                r.GetProperty("type").GetString() == "Microsoft.Authorization/roleAssignments"
                && r.TryGetProperty("copy", out _)
            )
            .GetProperty("condition")
            .GetString();

        Assert.Equal("[parameters('separateHostStorage')]", hostModule.GetProperty("condition").GetString());
        Assert.True(
            hostModule
                .GetProperty("properties")
                .GetProperty("parameters")
                .GetProperty("hostStorage")
                .GetProperty("value")
                .GetBoolean()
        );
        Assert.Equal(
            "[not(parameters('separateHostStorage'))]",
            payments.GetProperty("hostStorage").GetProperty("value").GetString()
        );
        Assert.StartsWith(
            "[union(" + HostAccount[1..] + "hostSettings",
            FunctionAppParameter("appSettings"),
            StringComparison.Ordinal
        );
        Assert.StartsWith(
            HostAccount + "deploymentContainerUrl",
            FunctionAppParameter("deploymentContainerUrl"),
            StringComparison.Ordinal
        );
        Assert.Equal("[parameters('hostStorage')]", blobRoleCondition);
    }

    [Fact]
    public void Workbook_ChartsExactlyTheInstrumentsTheCodeEmits()
    {
        var workbook = Assert.Single(Template.Resources("Microsoft.Insights/workbooks"));
        var charts = workbook.Template.GetProperty("variables").GetProperty("charts").GetRawText();
        var referred = Instrument().Matches(charts).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var runbook = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "operations.md"));

        Assert.Equal(EmittedInstruments().Order(StringComparer.Ordinal), referred.Order(StringComparer.Ordinal));
        Assert.Equal("shared", workbook.Resource.GetProperty("kind").GetString());
        Assert.Equal(
            "[parameters('appInsightsId')]",
            workbook.Resource.GetProperty("properties").GetProperty("sourceId").GetString()
        );
        Assert.Contains("## Dashboard", runbook, StringComparison.Ordinal);
    }

    /// <summary>The instruments <see cref="PaymentsTelemetry"/> publishes, as a listener sees them.</summary>
    private static List<string> EmittedInstruments()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var telemetry = new PaymentsTelemetry(services.GetRequiredService<IMeterFactory>());
        var names = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter == telemetry.Meter)
                {
                    names.Add(instrument.Name);
                }
            },
        };
        listener.Start();
        return names;
    }

    /// <summary>A parameter the functionapp module is given: its value, or the expression choosing it.</summary>
    private static string FunctionAppParameter(string name)
    {
        var parameter = Template
            .Module("functionapp")
            .GetProperty("properties")
            .GetProperty("parameters")
            .GetProperty(name);
        return parameter.ValueKind == JsonValueKind.String
            ? parameter.GetString()!
            : parameter.GetProperty("value").GetString()!;
    }

    private static JsonElement.ArrayEnumerator ArmTemplateResources(JsonElement module) =>
        module.GetProperty("properties").GetProperty("template").GetProperty("resources").EnumerateArray();

    /// <summary>The group ids a private-endpoint module is given: a literal list, or the expression choosing them.</summary>
    private static string GroupIds(JsonElement module)
    {
        var parameter = module.GetProperty("properties").GetProperty("parameters").GetProperty("groupIds");
        return parameter.ValueKind == JsonValueKind.String
            ? parameter.GetString()!
            : string.Join(',', parameter.GetProperty("value").EnumerateArray().Select(v => v.GetString()));
    }

    private static JsonElement Parameters()
    {
        using var document = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "main.parameters.json"))
        );
        return document.RootElement.GetProperty("parameters").Clone();
    }

    [GeneratedRegex(@"format\('(HaiPay-\{0\}-\w+)'")]
    private static partial Regex SecretFormat();

    [GeneratedRegex(@"name == \\""(payments\.[a-z.]+)\\""")]
    private static partial Regex Instrument();
}
