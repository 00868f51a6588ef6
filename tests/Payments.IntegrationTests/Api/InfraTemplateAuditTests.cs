using System.Text.Json;
using System.Text.RegularExpressions;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Api;

/// <summary>
/// The audit trail and resilience a payments security review asks of <c>infra/</c>, read from the compiled ARM JSON:
/// diagnostic settings on the vault, the storage services, the app and the subscription's activity log, all to the
/// workspace; log retention as parameters (90 days at hand, 365 in total); basic-auth publishing off; a required alert
/// e-mail; the availability test and the alerts on role assignments and vault changes; storage redundancy, versioning,
/// soft delete, infrastructure encryption and the optional delete locks.
/// </summary>
public sealed partial class InfraTemplateAuditTests
{
    private static readonly ArmTemplate Template = ArmTemplate.Main;

    private static readonly string[] StorageCategories = ["StorageRead", "StorageWrite", "StorageDelete"];

    private static readonly string[] VaultChanges =
    [
        "SecretSet",
        "SecretDelete",
        "SecretPurge",
        "KeyCreate",
        "KeyImport",
        "KeyDelete",
        "KeyPurge",
    ];

    [Theory]
    [InlineData("keyvault", "Microsoft.KeyVault/vaults", "AuditEvent")]
    [InlineData("functionapp", "Microsoft.Web/sites", "FunctionAppLogs")]
    [InlineData("storage", "Microsoft.Storage/storageAccounts/blobServices", "StorageRead,StorageWrite,StorageDelete")]
    [InlineData("storage", "Microsoft.Storage/storageAccounts/tableServices", "StorageRead,StorageWrite,StorageDelete")]
    [InlineData(
        "host-storage",
        "Microsoft.Storage/storageAccounts/blobServices",
        "StorageRead,StorageWrite,StorageDelete"
    )]
    [InlineData(
        "host-storage",
        "Microsoft.Storage/storageAccounts/tableServices",
        "StorageRead,StorageWrite,StorageDelete"
    )]
    public void DiagnosticSetting_EachAuditedResource_ItsCategoriesToTheWorkspace(
        string module,
        string scopeType,
        string categories
    )
    {
        var template = ModuleTemplate(module);
        var setting = Assert.Single(Resources(template, "Microsoft.Insights/diagnosticSettings"), s =>
            ScopeType(s) == scopeType
        );
        var properties = setting.GetProperty("properties");

        Assert.False(setting.TryGetProperty("condition", out _));
        Assert.Equal("[parameters('workspaceId')]", properties.GetProperty("workspaceId").GetString());
        Assert.Equal(
            categories.Split(','),
            Logs(properties, template).Select(l => l.GetProperty("category").GetString())
        );
        Assert.All(Logs(properties, template), l => Assert.True(l.GetProperty("enabled").GetBoolean()));
        Assert.Contains(
            ".outputs.workspaceId.value",
            Template
                .Module(module)
                .GetProperty("properties")
                .GetProperty("parameters")
                .GetProperty("workspaceId")
                .GetProperty("value")
                .GetString(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void DiagnosticSetting_Vault_AlsoItsMetrics()
    {
        var setting = Assert.Single(Resources(ModuleTemplate("keyvault"), "Microsoft.Insights/diagnosticSettings"));
        var metric = Assert.Single(setting.GetProperty("properties").GetProperty("metrics").EnumerateArray());

        Assert.Equal("AllMetrics", metric.GetProperty("category").GetString());
        Assert.True(metric.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public void DiagnosticSetting_SubscriptionActivityLog_AdministrativeAndSecurityToTheWorkspace()
    {
        var root = Template.Root.GetProperty("resources");
        var setting = Assert.Single(
            root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : root.EnumerateObject().Select(p => p.Value),
            r => r.GetProperty("type").GetString() == "Microsoft.Insights/diagnosticSettings"
        );
        var properties = setting.GetProperty("properties");
        var logs = Assert.Single(properties.GetProperty("copy").EnumerateArray());

        Assert.False(setting.TryGetProperty("scope", out _), "the activity log setting is on the subscription");
        Assert.Equal("logs", logs.GetProperty("name").GetString());
        Assert.Contains("'Administrative'", logs.GetProperty("count").GetString(), StringComparison.Ordinal);
        Assert.Contains("'Security'", logs.GetProperty("count").GetString(), StringComparison.Ordinal);
        Assert.Contains(
            "'payments-resources'",
            properties.GetProperty("workspaceId").GetString(),
            StringComparison.Ordinal
        );
        Assert.Contains(
            ".outputs.workspaceId.value",
            properties.GetProperty("workspaceId").GetString(),
            StringComparison.Ordinal
        );
        Assert.Equal(
            "[resourceId('Microsoft.OperationalInsights/workspaces', format('log-payments-{0}', parameters('resourceToken')))]",
            ModuleTemplate("monitoring")
                .GetProperty("outputs")
                .GetProperty("workspaceId")
                .GetProperty("value")
                .GetString()
        );
    }

    [Fact]
    public void LogRetention_Parameters_AtLeast90DaysAtHandAnd365InTotal()
    {
        var parameters = Template.Root.GetProperty("parameters");
        var atHand = parameters.GetProperty("logRetentionDays");
        var total = parameters.GetProperty("logTotalRetentionDays");
        var monitoring = ModuleTemplate("monitoring");
        var workspace = Assert.Single(Resources(monitoring, "Microsoft.OperationalInsights/workspaces"));
        var tables = Assert.Single(Resources(monitoring, "Microsoft.OperationalInsights/workspaces/tables"));
        var names = monitoring
            .GetProperty("variables")
            .GetProperty("auditTables")
            .EnumerateArray()
            .Select(t => t.GetString());

        Assert.True(atHand.GetProperty("defaultValue").GetInt32() >= 90);
        Assert.True(atHand.GetProperty("minValue").GetInt32() >= 90);
        Assert.True(total.GetProperty("defaultValue").GetInt32() >= 365);
        Assert.True(total.GetProperty("minValue").GetInt32() >= 365);
        Assert.Equal(
            "[parameters('logRetentionDays')]",
            workspace.GetProperty("properties").GetProperty("retentionInDays").GetString()
        );
        Assert.Equal(
            "[parameters('logRetentionDays')]",
            tables.GetProperty("properties").GetProperty("retentionInDays").GetString()
        );
        Assert.Equal(
            "[parameters('logTotalRetentionDays')]",
            tables.GetProperty("properties").GetProperty("totalRetentionInDays").GetString()
        );
        Assert.Contains("variables('auditTables')[copyIndex()]", tables.GetProperty("name").GetString());
        Assert.Subset(
            names.ToHashSet(),
            new HashSet<string?>
            {
                "AzureDiagnostics",
                "StorageBlobLogs",
                "StorageTableLogs",
                "AzureActivity",
                "FunctionAppLogs",
            }
        );
    }

    [Fact]
    public void FunctionApp_BasicAuthPublishing_OffForFtpAndScm()
    {
        var policies = Resources(
                ModuleTemplate("functionapp"),
                "Microsoft.Web/sites/basicPublishingCredentialsPolicies"
            )
            .ToList();

        Assert.Equal(
            ["ftp", "scm"],
            policies.Select(p => Regex.Match(p.GetProperty("name").GetString()!, @"'(\w+)'\)\]$").Groups[1].Value)
        );
        Assert.All(policies, p => Assert.False(p.GetProperty("properties").GetProperty("allow").GetBoolean()));
        Assert.All(policies, p => Assert.False(p.TryGetProperty("condition", out _)));
    }

    [Fact]
    public void AvailabilityTest_StandardGetOfApiHealth_AlertedWhenTwoLocationsFail()
    {
        var alerts = ModuleTemplate("payments-alerts");
        var test = Assert.Single(Resources(alerts, "Microsoft.Insights/webtests"));
        var properties = test.GetProperty("properties");
        var alert = Assert.Single(Resources(alerts, "Microsoft.Insights/metricAlerts"));
        var criteria = alert.GetProperty("properties").GetProperty("criteria");
        var healthUrl = Template
            .Module("payments-alerts")
            .GetProperty("properties")
            .GetProperty("parameters")
            .GetProperty("healthUrl")
            .GetProperty("value")
            .GetString()!;

        Assert.Equal("standard", test.GetProperty("kind").GetString());
        Assert.Equal("standard", properties.GetProperty("Kind").GetString());
        Assert.True(properties.GetProperty("Enabled").GetBoolean());
        Assert.Equal(
            "[parameters('healthUrl')]",
            properties.GetProperty("Request").GetProperty("RequestUrl").GetString()
        );
        Assert.Equal("GET", properties.GetProperty("Request").GetProperty("HttpVerb").GetString());
        Assert.Equal(200, properties.GetProperty("ValidationRules").GetProperty("ExpectedHttpStatusCode").GetInt32());
        Assert.True(properties.GetProperty("Locations").GetArrayLength() >= 3);
        Assert.Contains("hidden-link:", test.GetProperty("tags").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("[format('{0}/api/health', reference(", healthUrl, StringComparison.Ordinal);
        Assert.EndsWith(
            "'payments-resources'), '2025-04-01').outputs.functionAppUrl.value)]",
            healthUrl,
            StringComparison.Ordinal
        );
        Assert.Equal(
            "Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria",
            criteria.GetProperty("odata.type").GetString()
        );
        Assert.Contains(
            "Microsoft.Insights/webtests",
            criteria.GetProperty("webTestId").GetString(),
            StringComparison.Ordinal
        );
        Assert.Equal("[parameters('appInsightsId')]", criteria.GetProperty("componentId").GetString());
        Assert.Equal(2, criteria.GetProperty("failedLocationCount").GetInt32());
        AssertNotifiesTheActionGroup(
            Assert
                .Single(alert.GetProperty("properties").GetProperty("actions").EnumerateArray())
                .GetProperty("actionGroupId")
        );
    }

    [Fact]
    public void RoleAssignmentAlert_ActivityLogWritesAndDeletes_InTheSubscription()
    {
        var alert = ActivityLogAlert("role-assignments");
        var properties = alert.GetProperty("properties");
        var conditions = properties.GetProperty("condition").GetProperty("allOf").EnumerateArray().ToList();
        var operations = conditions
            .Single(c => c.TryGetProperty("anyOf", out _))
            .GetProperty("anyOf")
            .EnumerateArray()
            .Select(c => (c.GetProperty("field").GetString(), c.GetProperty("equals").GetString()));

        Assert.Equal("global", alert.GetProperty("location").GetString());
        Assert.Equal(
            "[subscription().id]",
            Assert.Single(properties.GetProperty("scopes").EnumerateArray()).GetString()
        );
        Assert.Contains(conditions, c =>
            c.TryGetProperty("field", out var f)
            && f.GetString() == "category"
            && c.GetProperty("equals").GetString() == "Administrative"
        );
        Assert.Equal(
            [
                ("operationName", "Microsoft.Authorization/roleAssignments/write"),
                ("operationName", "Microsoft.Authorization/roleAssignments/delete"),
            ],
            operations
        );
        AssertNotifiesTheActionGroup(
            Assert
                .Single(properties.GetProperty("actions").GetProperty("actionGroups").EnumerateArray())
                .GetProperty("actionGroupId")
        );
    }

    [Fact]
    public void DiagnosticSettingDeletedAlert_ActivityLogDeletes_InTheSubscription()
    {
        var alert = ActivityLogAlert("diagnostic-settings");
        var properties = alert.GetProperty("properties");
        var conditions = properties
            .GetProperty("condition")
            .GetProperty("allOf")
            .EnumerateArray()
            .Select(c => (c.GetProperty("field").GetString(), c.GetProperty("equals").GetString()));

        Assert.Equal("global", alert.GetProperty("location").GetString());
        Assert.True(properties.GetProperty("enabled").GetBoolean());
        Assert.Equal(
            "[subscription().id]",
            Assert.Single(properties.GetProperty("scopes").EnumerateArray()).GetString()
        );
        Assert.Equal(
            [("category", "Administrative"), ("operationName", "Microsoft.Insights/diagnosticSettings/delete")],
            conditions
        );
        AssertNotifiesTheActionGroup(
            Assert
                .Single(properties.GetProperty("actions").GetProperty("actionGroups").EnumerateArray())
                .GetProperty("actionGroupId")
        );
    }

    [Fact]
    public void KeyVaultChangeAlert_AuditEventSecretAndKeyWritesAndDeletes_OnTheWorkspace()
    {
        var alerts = ModuleTemplate("payments-alerts");
        var rule = LogAlert("keyvault-changes");
        var properties = rule.GetProperty("properties");
        var criterion = Assert.Single(properties.GetProperty("criteria").GetProperty("allOf").EnumerateArray());
        var operations = alerts
            .GetProperty("variables")
            .GetProperty("vaultChangeOperations")
            .EnumerateArray()
            .Select(o => o.GetString()!);
        var query = criterion.GetProperty("query").GetString()!;

        Assert.Equal(
            "[parameters('workspaceId')]",
            Assert.Single(properties.GetProperty("scopes").EnumerateArray()).GetString()
        );
        Assert.StartsWith("[format('AzureDiagnostics\n", query, StringComparison.Ordinal);
        Assert.Contains(
            "ResourceProvider == \"MICROSOFT.KEYVAULT\" and Category == \"AuditEvent\"",
            query,
            StringComparison.Ordinal
        );
        Assert.Contains("variables('vaultChangeOperations')", query, StringComparison.Ordinal);
        Assert.Subset(operations.ToHashSet(), VaultChanges.ToHashSet());
        Assert.DoesNotContain(operations, o => o.StartsWith("SecretGet", StringComparison.Ordinal));
        Assert.Equal("Count", criterion.GetProperty("timeAggregation").GetString());
        Assert.Equal(0, criterion.GetProperty("threshold").GetInt32());
        AssertNotifiesTheActionGroup(
            Assert.Single(properties.GetProperty("actions").GetProperty("actionGroups").EnumerateArray())
        );
    }

    [Fact]
    public void WebhookSecretMalformedAlert_TheLoggedErrorInAppTraces_OnTheWorkspace()
    {
        var properties = LogAlert("webhook-secret-malformed").GetProperty("properties");
        var criterion = Assert.Single(properties.GetProperty("criteria").GetProperty("allOf").EnumerateArray());
        var query = criterion.GetProperty("query").GetString()!;
        var source = File.ReadAllText(
            Path.Combine(RepositoryRoot.Path, "src", "Payments.Http", "Webhooks", "WebhookSecretCheck.cs")
        );
        var logged = Regex.Match(source, @"EventId = 6501,\s*Level = LogLevel\.(\w+),\s*Message = ""([^""]+)""");
        var message = logged.Groups[2].Value.Replace("{Name}", "Webhooks-SigningSecret", StringComparison.Ordinal);
        var phrase = Regex.Match(query, @"Message has ""([^""]+)""").Groups[1].Value;
        var secret = Regex.Match(query, @"extract\(@""(.+?)"", 1, Message\)").Groups[1].Value;

        Assert.Equal(
            "[parameters('workspaceId')]",
            Assert.Single(properties.GetProperty("scopes").EnumerateArray()).GetString()
        );
        Assert.StartsWith("AppTraces\n", query, StringComparison.Ordinal);
        Assert.Equal("Error", logged.Groups[1].Value);
        Assert.Contains("tostring(Properties[\"EventId\"]) == \"6501\"", query, StringComparison.Ordinal);
        Assert.NotEmpty(phrase);
        Assert.Contains(phrase, message, StringComparison.Ordinal);
        Assert.Equal("Webhooks-SigningSecret", Regex.Match(message, secret).Groups[1].Value);
        Assert.Equal("Count", criterion.GetProperty("timeAggregation").GetString());
        Assert.Equal(0, criterion.GetProperty("threshold").GetInt32());
        Assert.Equal(1, properties.GetProperty("severity").GetInt32());
        AssertNotifiesTheActionGroup(
            Assert.Single(properties.GetProperty("actions").GetProperty("actionGroups").EnumerateArray())
        );
    }

    [Theory]
    [InlineData("Microsoft.Insights/metricAlerts")]
    [InlineData("Microsoft.Insights/activityLogAlerts")]
    [InlineData("Microsoft.Insights/scheduledQueryRules")]
    public void NewAlerts_Each_DescribesARunbookSectionThatExists(string type)
    {
        var alerts = ModuleTemplate("payments-alerts");
        var runbook = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docs", "operations.md"));
        var sections = runbook
            .Where(l => l.StartsWith("## ", StringComparison.Ordinal) || l.StartsWith("### ", StringComparison.Ordinal))
            .Select(l => Slug(l.TrimStart('#').Trim()))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(Resources(alerts, type).Where(r => !r.TryGetProperty("copy", out _)), alert =>
        {
            var description = alert
                .GetProperty("properties")
                .GetProperty("description")
                .GetString()!
                .Replace(
                    "{0}",
                    alerts.GetProperty("variables").GetProperty("runbook").GetString(),
                    StringComparison.Ordinal
                );
            var section = RunbookSection().Match(description);

            Assert.True(section.Success, $"{description} names no runbook section");
            Assert.Contains(section.Groups[1].Value, sections);
        });
    }

    [Fact]
    public void Storage_RedundancyParameter_ZrsByDefault_GeoRedundantAllowed()
    {
        var parameter = Template.Root.GetProperty("parameters").GetProperty("storageRedundancy");
        var storage = ModuleTemplate("storage");
        var account = Assert.Single(Resources(storage, "Microsoft.Storage/storageAccounts"));

        Assert.Equal("ZRS", parameter.GetProperty("defaultValue").GetString());
        Assert.Equal(
            ["ZRS", "GZRS", "RAGZRS"],
            parameter.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString())
        );
        Assert.Equal(
            "[format('Standard_{0}', parameters('redundancy'))]",
            account.GetProperty("sku").GetProperty("name").GetString()
        );
        Assert.All(["storage", "host-storage"], module =>
            Assert.Contains(
                "parameters('storageRedundancy')",
                Template
                    .Module(module)
                    .GetProperty("properties")
                    .GetProperty("parameters")
                    .GetProperty("redundancy")
                    .GetProperty("value")
                    .GetString(),
                StringComparison.Ordinal
            )
        );
    }

    [Fact]
    public void Storage_InfrastructureEncryptionOnNewAccounts_VersioningAndSoftDeleteOnBlobs()
    {
        var storage = ModuleTemplate("storage");
        var account = Assert.Single(Resources(storage, "Microsoft.Storage/storageAccounts"));
        var blobs = Assert
            .Single(Resources(storage, "Microsoft.Storage/storageAccounts/blobServices"))
            .GetProperty("properties");

        Assert.True(
            Template
                .Root.GetProperty("parameters")
                .GetProperty("storageInfrastructureEncryption")
                .GetProperty("defaultValue")
                .GetBoolean()
        );
        Assert.Equal(
            "[parameters('infrastructureEncryption')]",
            account
                .GetProperty("properties")
                .GetProperty("encryption")
                .GetProperty("requireInfrastructureEncryption")
                .GetString()
        );
        Assert.True(blobs.GetProperty("isVersioningEnabled").GetBoolean());
        Assert.True(blobs.GetProperty("deleteRetentionPolicy").GetProperty("enabled").GetBoolean());
        Assert.True(blobs.GetProperty("deleteRetentionPolicy").GetProperty("days").GetInt32() >= 7);
        Assert.True(blobs.GetProperty("containerDeleteRetentionPolicy").GetProperty("enabled").GetBoolean());
    }

    [Theory]
    [InlineData("storage", "Microsoft.Storage/storageAccounts")]
    [InlineData("host-storage", "Microsoft.Storage/storageAccounts")]
    [InlineData("keyvault", "Microsoft.KeyVault/vaults")]
    public void DeleteLock_OptionalCanNotDelete_OffByDefault(string module, string scopeType)
    {
        var template = ModuleTemplate(module);
        var lockResource = Assert.Single(Resources(template, "Microsoft.Authorization/locks"));

        Assert.Equal(scopeType, ScopeType(lockResource));
        Assert.Equal("CanNotDelete", lockResource.GetProperty("properties").GetProperty("level").GetString());
        Assert.Equal("[parameters('deleteLock')]", lockResource.GetProperty("condition").GetString());
        Assert.False(
            Template
                .Root.GetProperty("parameters")
                .GetProperty("resourceLocks")
                .GetProperty("defaultValue")
                .GetBoolean()
        );
        Assert.Contains(
            "parameters('resourceLocks')",
            Template
                .Module(module)
                .GetProperty("properties")
                .GetProperty("parameters")
                .GetProperty("deleteLock")
                .GetProperty("value")
                .GetString(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void DeployerVaultOfficer_RoleAssignment_OnlyWhenTheParameterGrantsIt()
    {
        var parameter = Template.Root.GetProperty("parameters").GetProperty("grantDeployerVaultOfficer");
        var assignments = Resources(ModuleTemplate("keyvault"), "Microsoft.Authorization/roleAssignments");
        bool IsOfficer(JsonElement a) =>
            a.GetProperty("properties").GetProperty("principalId").GetString()
            == "[parameters('vaultOfficerPrincipalId')]";
        var officer = Assert.Single(assignments, IsOfficer);
        var apps = assignments.Where(a => !IsOfficer(a)).ToList();
        using var file = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "main.parameters.json"))
        );

        Assert.Equal("bool", parameter.GetProperty("type").GetString());
        Assert.True(parameter.GetProperty("defaultValue").GetBoolean());
        Assert.Equal(
            "${GRANT_DEPLOYER_VAULT_OFFICER=true}",
            file.RootElement.GetProperty("parameters")
                .GetProperty("grantDeployerVaultOfficer")
                .GetProperty("value")
                .GetString()
        );
        Assert.Equal(
            "[parameters('grantDeployerVaultOfficer')]",
            ModuleParameter("payments-resources", "grantDeployerVaultOfficer")
        );
        Assert.Equal("[parameters('grantDeployerVaultOfficer')]", ModuleParameter("keyvault", "grantOfficer"));
        Assert.Equal(
            "[and(parameters('grantOfficer'), not(empty(parameters('vaultOfficerPrincipalId'))))]",
            officer.GetProperty("condition").GetString()
        );
        Assert.Contains(
            "variables('secretsOfficer')",
            officer.GetProperty("properties").GetProperty("roleDefinitionId").GetString(),
            StringComparison.Ordinal
        );
        Assert.Equal(2, apps.Count); // Secrets User and Crypto User
        Assert.All(apps, app =>
            Assert.False(app.TryGetProperty("condition", out _), "the app's own roles are never optional")
        );
    }

    private static string? ModuleParameter(string module, string name) =>
        Template
            .Module(module)
            .GetProperty("properties")
            .GetProperty("parameters")
            .GetProperty(name)
            .GetProperty("value")
            .GetString();

    private static void AssertNotifiesTheActionGroup(JsonElement actionGroupId)
    {
        var actionGroup = Assert.Single(Template.Resources("Microsoft.Insights/actionGroups")).Resource;
        var name = actionGroup.GetProperty("name").GetString()!;

        Assert.Equal($"[resourceId('Microsoft.Insights/actionGroups', {name[1..^1]})]", actionGroupId.GetString());
    }

    /// <summary>The single log search alert (not one of the rules' copies) whose name carries <paramref name="name"/>.</summary>
    private static JsonElement LogAlert(string name) =>
        Assert.Single(Resources(ModuleTemplate("payments-alerts"), "Microsoft.Insights/scheduledQueryRules"), r =>
            !r.TryGetProperty("copy", out _)
            && r.GetProperty("name").GetString()!.Contains($"'alert-payments-{name}-", StringComparison.Ordinal)
        );

    /// <summary>The activity-log alert whose name carries <paramref name="name"/>.</summary>
    private static JsonElement ActivityLogAlert(string name) =>
        Assert.Single(Resources(ModuleTemplate("payments-alerts"), "Microsoft.Insights/activityLogAlerts"), a =>
            a.GetProperty("name").GetString()!.Contains($"'alert-payments-{name}-", StringComparison.Ordinal)
        );

    private static JsonElement ModuleTemplate(string name) =>
        Template.Module(name).GetProperty("properties").GetProperty("template");

    /// <summary>The resources of <paramref name="type"/> declared directly in one template (no modules walked).</summary>
    private static List<JsonElement> Resources(JsonElement template, string type)
    {
        var resources = template.GetProperty("resources");
        var list =
            resources.ValueKind == JsonValueKind.Array
                ? resources.EnumerateArray()
                : resources.EnumerateObject().Select(p => p.Value);
        return [.. list.Where(r => r.GetProperty("type").GetString() == type)];
    }

    /// <summary>A diagnostic setting's logs, inline or from the variable the template names.</summary>
    private static List<JsonElement> Logs(JsonElement properties, JsonElement template)
    {
        var logs = properties.GetProperty("logs");
        if (logs.ValueKind == JsonValueKind.String)
        {
            var variable = Regex.Match(logs.GetString()!, @"^\[variables\('(\w+)'\)\]$").Groups[1].Value;
            logs = template.GetProperty("variables").GetProperty(variable);
        }

        return [.. logs.EnumerateArray()];
    }

    private static string ScopeType(JsonElement resource) =>
        ResourceType().Match(resource.GetProperty("scope").GetString()!).Groups[1].Value;

    /// <summary>GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens.</summary>
    private static string Slug(string heading) =>
        new string([
            .. heading.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_'),
        ]).Replace(' ', '-');

    [GeneratedRegex(@"^\[resourceId\('([^']+)'")]
    private static partial Regex ResourceType();

    [GeneratedRegex(@"docs/operations\.md#([a-z0-9-]+)")]
    private static partial Regex RunbookSection();
}
