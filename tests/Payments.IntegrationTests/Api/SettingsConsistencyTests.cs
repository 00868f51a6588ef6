using System.Reflection;
using Payments.Azure;
using Payments.Azure.Secrets;
using Payments.Core.Audit;
using Payments.Core.HaiPay;
using Payments.Core.HuaweiPin;
using Payments.Core.Idempotency;
using Payments.Core.Secrets;
using Payments.Core.Webhooks;
using Payments.Http.Jobs;
using Payments.Http.RateLimiting;
using Payments.Http.Security;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Api;

/// <summary>
/// Every setting the code binds (read from the options classes by reflection, plus the job schedules and the
/// secret names) appears in <c>infra/</c>, in <c>local.settings.sample.json</c> and in <c>docs/configuration.md</c>.
/// </summary>
public sealed class SettingsConsistencyTests
{
    /// <summary>Placeholder for a dictionary key (the currency of a HaiPay account).</summary>
    private const string Key = "{CCY}";

    /// <summary>
    /// Settings that must not be in Azure: a shared storage key, and the plain ASP.NET host's own keys.
    /// </summary>
    private static readonly Dictionary<string, string> NotInInfra = new(StringComparer.Ordinal)
    {
        ["PaymentsStorage:ConnectionString"] = "a shared key; Azure uses TableServiceUri with managed identity",
        ["FunctionKeys:Keys"] = "read by the Server host only; Functions manages its own keys",
        ["OperatorKeys:Keys"] =
            "read in Operators:Authentication=Keys mode only (local); Azure sets EntraId: operators sign in",
        ["RateLimiting:ClientAddressHeader"] =
            "Functions keys on the remote address the worker's forwarded-headers middleware sets; X-Forwarded-For is "
            + "client-writable",
        ["Telemetry:Console"] = "read by the Server host only; Functions exports to Application Insights",
        ["Reconciliation:HuaweiPin:IgnoredColumns"] = "empty unless the panel's export carries further columns",
    };

    private static readonly Dictionary<string, string> NotInLocalSettings = new(StringComparer.Ordinal)
    {
        ["FunctionKeys:Keys"] = "read by the Server host only; local.settings.json is the Functions host's",
        ["Telemetry:Console"] = "read by the Server host only; local.settings.json is the Functions host's",
        ["Reconciliation:HuaweiPin:IgnoredColumns"] = "empty unless the panel's export carries further columns",
    };

    /// <summary>
    /// The Function App's app setting names in the compiled ARM JSON (see <see cref="InfraAppSettings"/>).
    /// </summary>
    private static readonly HashSet<string> Infra = InfraAppSettings(ArmTemplate.Main);

    /// <summary>
    /// The secret names the compiled Key Vault module lists: its lists of names, and each per-account name
    /// (<c>HaiPay-{0}-...</c>) for the USD account.
    /// </summary>
    private static readonly HashSet<string> InfraSecrets = VaultSecretNames();

    private static readonly string LocalSettings = File.ReadAllText(
        Path.Combine(RepositoryRoot.Path, "local.settings.sample.json")
    );

    private static readonly string[] Readme = File.ReadAllLines(
        Path.Combine(RepositoryRoot.Path, "docs", "configuration.md")
    );

    public static TheoryData<string> Settings() => [.. BoundSettings()];

    public static TheoryData<string> Secrets() => [.. SecretNameList()];

    [Theory]
    [MemberData(nameof(Settings))]
    public void Setting_BoundByTheCode_InInfraLocalSettingsAndReadme(string setting)
    {
        Assert.True(NotInInfra.ContainsKey(setting) || InInfra(Infra, setting), $"{setting} is not set in infra/");
        Assert.True(
            NotInLocalSettings.ContainsKey(setting)
                || LocalSettings.Contains($"\"{AppSetting(setting)}", StringComparison.Ordinal),
            $"{setting} is not in local.settings.sample.json"
        );
        Assert.True(InReadme(Readme, setting), $"{setting} is not documented in docs/configuration.md");
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Secret_ReadByTheCode_NamedInTheVaultTemplateLocalSettingsAndReadme(string name)
    {
        Assert.True(
            name == SecretNames.HaiPayPrivateKey(Key)
                ^ InfraSecrets.Contains(name.Replace(Key, "USD", StringComparison.Ordinal)),
            $"{name}: the vault template names every secret but the HaiPay private key, a Key Vault key on Azure"
        );
        Assert.Contains(
            $"\"Secrets__{name.Replace(Key, "USD", StringComparison.Ordinal)}\"",
            LocalSettings,
            StringComparison.Ordinal
        );
        Assert.Contains(Readme, line => line.Contains($"`Secrets:{name}`", StringComparison.Ordinal));
    }

    [Fact]
    public void Checks_ASettingRemovedFromEachSide_NoticeIt()
    {
        const string setting = "HaiPay:ClaimLease";
        var readmeWithout = Readme.Where(l => !l.Contains(setting, StringComparison.Ordinal)).ToArray();

        Assert.True(InInfra(Infra, setting) && InReadme(Readme, setting));
        Assert.False(InInfra([.. Infra.Where(n => n != AppSetting(setting))], setting));
        Assert.Contains("HaiPay__NotifyUrl", Infra);
        Assert.Contains("AzureWebJobsStorage__credential", Infra);
        Assert.False(InReadme(readmeWithout, setting));
        Assert.Contains("HaiPay:Checks:Quick", BoundSettings());
        Assert.Contains($"HaiPay:Accounts:{Key}:AppId", BoundSettings());
        Assert.Contains("KeyVault:MinRefreshInterval", BoundSettings());
        Assert.DoesNotContain("HaiPay:EffectiveOrderNotFoundErrors", BoundSettings());
    }

    /// <summary>An app setting in the template: <c>Name</c>, or a list's first item <c>Name__0</c>.</summary>
    private static bool InInfra(HashSet<string> infra, string setting) =>
        infra.Contains(AppSetting(setting)) || infra.Contains($"{AppSetting(setting)}__0");

    /// <summary>
    /// The names the <c>appsettings</c> resource sets: the keys of the objects the <c>functionapp</c> module is given
    /// (<c>appSettings</c>, <c>hostUrlSettings</c>), of the storage module's <c>hostSettings</c> output and of what the
    /// module adds itself.
    /// </summary>
    private static HashSet<string> InfraAppSettings(ArmTemplate template)
    {
        var parameters = template.Module("functionapp").GetProperty("properties").GetProperty("parameters");
        var hostSettings = template
            .Module("storage")
            .GetProperty("properties")
            .GetProperty("template")
            .GetProperty("outputs")
            .GetProperty("hostSettings")
            .GetProperty("value");
        var own = template.SiteConfig("appsettings").GetProperty("properties");
        var appSettings = parameters.GetProperty("appSettings").GetProperty("value");
        return
        [
            .. ArmExpression.ObjectKeys(appSettings),
            .. PerCurrency(appSettings.GetString() ?? string.Empty, @"__"),
            .. ArmExpression.ObjectKeys(parameters.GetProperty("hostUrlSettings").GetProperty("value")),
            .. ArmExpression.ObjectKeys(hostSettings),
            .. ArmExpression.ObjectKeys(own),
        ];
    }

    /// <summary>
    /// A README line names the whole setting, or its parent and the last part (<c>`HaiPay:Checks:First` / `Quick`</c>).
    /// </summary>
    private static bool InReadme(string[] readme, string setting)
    {
        var cut = setting.LastIndexOf(':');
        var (parent, last) = cut < 0 ? (setting, setting) : (setting[..cut], setting[(cut + 1)..]);
        return readme.Any(line =>
            line.StartsWith('|')
            && (
                line.Contains($"`{setting}`", StringComparison.Ordinal)
                || (
                    line.Contains($"`{parent}:", StringComparison.Ordinal)
                    && line.Contains($"`{last}`", StringComparison.Ordinal)
                )
            )
        );
    }

    /// <summary>
    /// The app-setting form: <c>:</c> becomes <c>__</c>, a list names its first item, a dictionary the USD account.
    /// </summary>
    private static string AppSetting(string setting) =>
        setting.Replace(Key, "USD", StringComparison.Ordinal).Replace(":", "__", StringComparison.Ordinal);

    private static List<string> BoundSettings()
    {
        var sections = new (Type Type, string Section)[]
        {
            (typeof(StorageOptions), StorageOptions.Section),
            (typeof(KeyVaultOptions), KeyVaultOptions.Section),
            (typeof(HuaweiPinOptions), HuaweiPinOptions.Section),
            (
                typeof(Payments.Core.Reconciliation.HuaweiPinImportOptions),
                Payments.Core.Reconciliation.HuaweiPinImportOptions.Section
            ),
            (typeof(HaiPayOptions), HaiPayOptions.Section),
            (typeof(FunctionKeyOptions), FunctionKeyOptions.Section),
            (typeof(OperatorKeyOptions), OperatorKeyOptions.Section),
            (typeof(OperatorsOptions), OperatorsOptions.Section),
            (typeof(IdempotencyOptions), IdempotencyOptions.Section),
            (typeof(AuditOptions), AuditOptions.Section),
            (typeof(WebhookOptions), WebhookOptions.Section),
            (typeof(RateLimitingOptions), RateLimitingOptions.Section),
            (typeof(Payments.Core.Text.CustomerLinkOptions), Payments.Core.Text.CustomerLinkOptions.Section),
            (typeof(Payments.Server.Telemetry.TelemetryOptions), Payments.Server.Telemetry.TelemetryOptions.Section),
        };
        var jobs = typeof(IScheduledJob)
            .Assembly.GetTypes()
            .Where(t => typeof(IScheduledJob).IsAssignableFrom(t) && !t.IsInterface)
            .Select(t => (string)t.GetField("Setting")!.GetRawConstantValue()!);
        return [.. sections.SelectMany(s => Properties(s.Type, s.Section)).Concat(jobs).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// What the configuration binder fills: settable properties and get-only mutable collections, nested options
    /// recursively.
    /// </summary>
    private static IEnumerable<string> Properties(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var propertyType = property.PropertyType;
            var isDictionary =
                propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(Dictionary<,>);
            var isList =
                !isDictionary
                && propertyType != typeof(string)
                && propertyType
                    .GetInterfaces()
                    .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollection<>));
            if (!property.CanWrite && !isDictionary && !isList)
            {
                continue;
            }

            var name = $"{prefix}:{property.Name}";
            if (isDictionary)
            {
                foreach (var inner in Properties(propertyType.GetGenericArguments()[1], $"{name}:{Key}"))
                {
                    yield return inner;
                }
            }
            else if (isList)
            {
                yield return name;
            }
            else if (
                propertyType.IsClass
                && propertyType.Namespace?.StartsWith("Payments", StringComparison.Ordinal) == true
            )
            {
                foreach (var inner in Properties(propertyType, name))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return name;
            }
        }
    }

    private static HashSet<string> VaultSecretNames()
    {
        var variables = ArmTemplate
            .Main.Module("keyvault")
            .GetProperty("properties")
            .GetProperty("template")
            .GetProperty("variables");
        return
        [
            .. variables
                .EnumerateObject()
                .Where(v => v.Value.ValueKind == System.Text.Json.JsonValueKind.Array)
                .SelectMany(v => v.Value.EnumerateArray().Select(n => n.GetString()!)),
            .. PerCurrency(variables.GetProperty("accountSecretNames").GetString()!, "-"),
        ];
    }

    /// <summary>
    /// The names an expression builds per HaiPay account with <c>format('...{0}...', currency)</c>, for the USD account.
    /// </summary>
    private static IEnumerable<string> PerCurrency(string expression, string separator) =>
        System
            .Text.RegularExpressions.Regex.Matches(
                expression,
                $@"format\('([\w-]*{separator}\{{0\}}{separator}[\w-]*)'"
            )
            .Select(m => m.Groups[1].Value.Replace("{0}", "USD", StringComparison.Ordinal));

    private static IEnumerable<string> SecretNameList() =>
        [
            SecretNames.HuaweiPinApiKey,
            SecretNames.HuaweiPinSecretKey,
            SecretNames.HuaweiPinCallbackKey,
            SecretNames.HaiPayPrivateKey(Key),
            SecretNames.HaiPayMerchantSecret(Key),
            SecretNames.HaiPayPlatformPublicKey(Key),
            SecretNames.WebhookSigningSecret,
            SecretNames.WebhookPreviousSigningSecret,
            SecretNames.IdempotencyFingerprintKey,
        ];
}
