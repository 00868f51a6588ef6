using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Api;

/// <summary>
/// <c>infra/main.bicep</c> compiled by the Bicep CLI (0 warnings), and the compiled ARM JSON holds what the design
/// promises: no shared keys or local auth anywhere, TLS 1.2, Flex Consumption, the app's identity with exactly the
/// roles it needs on each resource, URLs built from the app's real host name, and the alerts on Application Insights
/// (each on the component, naming its instrument, notifying the one action group whose e-mail is the <c>alertEmail</c>
/// parameter).
/// </summary>
public sealed partial class InfraTemplateTests
{
    private static readonly ArmTemplate Template = ArmTemplate.Main;

    private static readonly string[] AlertRuleNames =
    [
        "needs-review",
        "webhooks-abandoned",
        "poll-lag",
        "server-errors",
        "keyvault-failures",
    ];

    /// <summary>The rule properties each rule takes from its entry in the module's rule table.</summary>
    private static readonly string[] RuleFields =
    [
        "displayName",
        "description",
        "severity",
        "evaluationFrequency",
        "windowSize",
    ];

    private static readonly string[] Windows = ["PT5M", "PT15M"];

    [Fact]
    public void BicepBuild_MainTemplate_NoWarnings()
    {
        Assert.Equal(string.Empty, Template.Diagnostics);
    }

    [Fact]
    public void StorageAccount_SharedKeyAndPublicBlobsOff_Tls12()
    {
        // The payments account, and the host's own when separateHostStorage is on.
        var accounts = Template.Resources("Microsoft.Storage/storageAccounts").ToList();

        Assert.Equal(2, accounts.Count);
        Assert.All(accounts, a =>
        {
            var account = a.Resource.GetProperty("properties");
            Assert.False(account.GetProperty("allowSharedKeyAccess").GetBoolean());
            Assert.False(account.GetProperty("allowBlobPublicAccess").GetBoolean());
            Assert.True(account.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
            Assert.Equal("TLS1_2", account.GetProperty("minimumTlsVersion").GetString());
        });
    }

    [Fact]
    public void Monitoring_LocalAuthDisabled()
    {
        var insights = Assert
            .Single(Template.Resources("Microsoft.Insights/components"))
            .Resource.GetProperty("properties");
        var workspace = Assert
            .Single(Template.Resources("Microsoft.OperationalInsights/workspaces"))
            .Resource.GetProperty("properties");

        Assert.True(insights.GetProperty("DisableLocalAuth").GetBoolean());
        Assert.True(workspace.GetProperty("features").GetProperty("disableLocalAuth").GetBoolean());
    }

    [Fact]
    public void FunctionApp_FlexConsumptionFc1WithFunctionAppConfigHttpsOnlyTls12()
    {
        var plan = Assert.Single(Template.Resources("Microsoft.Web/serverfarms")).Resource;
        var site = Assert.Single(Template.Resources("Microsoft.Web/sites")).Resource.GetProperty("properties");
        var config = site.GetProperty("functionAppConfig");

        Assert.Equal(
            ("FC1", "FlexConsumption"),
            (
                plan.GetProperty("sku").GetProperty("name").GetString(),
                plan.GetProperty("sku").GetProperty("tier").GetString()
            )
        );
        Assert.Equal(
            ("dotnet-isolated", "10.0"),
            (
                config.GetProperty("runtime").GetProperty("name").GetString(),
                config.GetProperty("runtime").GetProperty("version").GetString()
            )
        );
        Assert.Equal(
            "UserAssignedIdentity",
            config
                .GetProperty("deployment")
                .GetProperty("storage")
                .GetProperty("authentication")
                .GetProperty("type")
                .GetString()
        );
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
            ["Microsoft.Storage/storageAccounts"] =
            [
                "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
                "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
                "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
            ],
            // Key Vault Crypto User (the app signs with the HaiPay keys), Key Vault Secrets User (the app), Key Vault
            // Secrets Officer (the deploying person, when given)
            ["Microsoft.KeyVault/vaults"] =
            [
                "12338af0-0e69-4776-bea7-57ae8d297424",
                "4633458b-17de-408a-b874-0445c86b69e6",
                "b86a8fe4-44ce-4948-aee5-eccb2c155cd7",
            ],
            // Monitoring Metrics Publisher
            ["Microsoft.Insights/components"] = ["3913510d-42f4-4e42-8a64-420c390055eb"],
        };

        var actual = Template
            .Resources("Microsoft.Authorization/roleAssignments")
            .SelectMany(r => RoleIds(r.Resource, r.Template).Select(id => (Scope: ScopeType(r.Resource), Id: id)))
            .GroupBy(r => r.Scope)
            .ToDictionary(
                g => g.Key,
                g => g.Select(r => r.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()
            );

        Assert.Equal(
            expected.OrderBy(e => e.Key, StringComparer.Ordinal),
            actual.OrderBy(e => e.Key, StringComparer.Ordinal)
        );
    }

    [Fact]
    public void NotifyAndCallbackUrls_FromTheAppsDefaultHostName()
    {
        var app = Template.Module("functionapp");
        var hostUrls = app.GetProperty("properties")
            .GetProperty("parameters")
            .GetProperty("hostUrlSettings")
            .GetProperty("value");
        var settings = Assert
            .Single(Template.Resources("Microsoft.Web/sites/config"))
            .Resource.GetProperty("properties")
            .GetString()!;
        var url = app.GetProperty("properties")
            .GetProperty("template")
            .GetProperty("outputs")
            .GetProperty("url")
            .GetProperty("value")
            .GetString()!;
        var outputs = Template.Root.GetProperty("outputs");

        Assert.Equal("/api/haipay/notify", hostUrls.GetProperty("HaiPay__NotifyUrl").GetString());
        Assert.Contains("toObject(items(parameters('hostUrlSettings'))", settings, StringComparison.Ordinal);
        Assert.Contains(".defaultHostName, lambdaVariables('setting').value)", settings, StringComparison.Ordinal);
        Assert.Contains("defaultHostName", url, StringComparison.Ordinal);
        Assert.Contains(
            "functionAppUrl",
            outputs.GetProperty("HUAWEIPIN_CALLBACK_URL").GetProperty("value").GetString(),
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("azurewebsites.net", Template.Root.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Alerts_FiveLogSearchRules_OnTheApplicationInsightsComponent()
    {
        var (rule, template) = RuleLoop();
        var properties = rule.GetProperty("properties");
        var module = Template.Module("payments-alerts").GetProperty("properties");
        var insightsId = Template
            .Module("payments-resources")
            .GetProperty("properties")
            .GetProperty("template")
            .GetProperty("outputs")
            .GetProperty("appInsightsId")
            .GetProperty("value")
            .GetString()!;
        var monitoring = Template
            .Module("monitoring")
            .GetProperty("properties")
            .GetProperty("template")
            .GetProperty("outputs")
            .GetProperty("insightsId")
            .GetProperty("value")
            .GetString()!;

        Assert.Equal("[length(variables('rules'))]", rule.GetProperty("copy").GetProperty("count").GetString());
        Assert.Equal(AlertRuleNames, Rules(template).Select(r => r.GetProperty("name").GetString()!));
        Assert.Equal("LogAlert", rule.GetProperty("kind").GetString());
        Assert.False(rule.TryGetProperty("identity", out _));
        Assert.True(properties.GetProperty("enabled").GetBoolean());
        Assert.True(properties.GetProperty("autoMitigate").GetBoolean());
        Assert.Equal(
            "[parameters('appInsightsId')]",
            Assert.Single(properties.GetProperty("scopes").EnumerateArray()).GetString()
        );
        Assert.Contains(
            ".outputs.appInsightsId.value",
            module.GetProperty("parameters").GetProperty("appInsightsId").GetProperty("value").GetString(),
            StringComparison.Ordinal
        );
        Assert.Contains("'monitoring'", insightsId, StringComparison.Ordinal);
        Assert.Contains(".outputs.insightsId.value", insightsId, StringComparison.Ordinal);
        Assert.Equal(
            "[resourceId('Microsoft.Insights/components', format('appi-payments-{0}', parameters('resourceToken')))]",
            monitoring
        );
        foreach (var field in RuleFields)
        {
            Assert.StartsWith(
                "[variables('rules')[copyIndex()].",
                properties.GetProperty(field).GetString(),
                StringComparison.Ordinal
            );
        }
    }

    [Theory]
    [InlineData(
        "needs-review",
        "customMetrics",
        "valueSum",
        "Total",
        0,
        "name == \"payments.order.transitions\"",
        "tostring(customDimensions[\"to\"]) == \"NeedsReview\""
    )]
    [InlineData(
        "webhooks-abandoned",
        "customMetrics",
        "valueSum",
        "Total",
        0,
        "name == \"payments.webhook.deliveries\"",
        "Outcome = tostring(customDimensions[\"outcome\"])",
        "where Outcome in (\"abandoned\", \"gone\")"
    )]
    [InlineData("poll-lag", "customMetrics", "valueMax", "Maximum", 900, "name == \"payments.poll.lag\"")]
    [InlineData(
        "server-errors",
        "requests",
        "FailedPercent",
        "Maximum",
        5,
        "countif(toint(resultCode) >= 500) by bin(timestamp, 5m)",
        "where Requests >= 20",
        "extend FailedPercent = 100.0 * Failed / Requests"
    )]
    [InlineData(
        "keyvault-failures",
        "customMetrics",
        "valueSum",
        "Total",
        0,
        "name == \"payments.keyvault.reads\"",
        "tostring(customDimensions[\"outcome\"]) == \"failure\""
    )]
    public void AlertRule_Query_NamesTheInstrumentAndItsDimensions(
        string name,
        string table,
        string measure,
        string aggregation,
        int threshold,
        params string[] fragments
    )
    {
        var rule = Rule(name);
        var query = Evaluate(rule.GetProperty("query"));

        Assert.StartsWith(table + "\n", query, StringComparison.Ordinal);
        Assert.All(fragments, f => Assert.Contains(f, query, StringComparison.Ordinal));
        Assert.Equal(measure, rule.GetProperty("measure").GetString());
        Assert.Equal(aggregation, rule.GetProperty("aggregation").GetString());
        Assert.Equal(threshold.ToString(CultureInfo.InvariantCulture), Evaluate(rule.GetProperty("threshold")));
    }

    [Fact]
    public void AlertRule_WebhooksAbandoned_OneAlertPerOutcome()
    {
        var dimension = Assert.Single(Rule("webhooks-abandoned").GetProperty("dimensions").EnumerateArray());

        Assert.Equal(
            ("Outcome", "Include", "*"),
            (
                dimension.GetProperty("name").GetString(),
                dimension.GetProperty("operator").GetString(),
                Assert.Single(dimension.GetProperty("values").EnumerateArray()).GetString()
            )
        );
        Assert.All(AlertRuleNames.Where(n => n != "webhooks-abandoned"), n =>
            Assert.Equal(0, Rule(n).GetProperty("dimensions").GetArrayLength())
        );
    }

    [Fact]
    public void AlertRules_Each_SeverityScheduleAndARunbookSectionThatExists()
    {
        var runbook = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docs", "operations.md"));
        var sections = runbook
            .Where(l => l.StartsWith("## ", StringComparison.Ordinal) || l.StartsWith("### ", StringComparison.Ordinal))
            .Select(l => Slug(l.TrimStart('#').Trim()))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(Rules(Template.Module("payments-alerts").GetProperty("properties").GetProperty("template")), rule =>
        {
            var description = Evaluate(rule.GetProperty("description"));
            var section = RunbookSection().Match(description);

            Assert.InRange(rule.GetProperty("severity").GetInt32(), 0, 4);
            Assert.Equal("PT5M", rule.GetProperty("frequency").GetString());
            Assert.Contains(rule.GetProperty("window").GetString(), Windows);
            Assert.True(section.Success, $"{description} names no runbook section");
            Assert.Contains(section.Groups[1].Value, sections);
        });
    }

    [Fact]
    public void AlertRules_Actions_TheOneActionGroup()
    {
        var actionGroup = Assert.Single(Template.Resources("Microsoft.Insights/actionGroups")).Resource;
        var actions = RuleLoop().Resource.GetProperty("properties").GetProperty("actions");
        var name = actionGroup.GetProperty("name").GetString()!;

        Assert.Equal(
            $"[resourceId('Microsoft.Insights/actionGroups', {name[1..^1]})]",
            Assert.Single(actions.GetProperty("actionGroups").EnumerateArray()).GetString()
        );
        Assert.Equal("global", actionGroup.GetProperty("location").GetString());
        Assert.True(actionGroup.GetProperty("properties").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public void ActionGroup_EmailReceivers_FromTheAlertEmailParameter()
    {
        var module = Template.Module("payments-alerts").GetProperty("properties");
        var actionGroup = Assert
            .Single(Template.Resources("Microsoft.Insights/actionGroups"))
            .Resource.GetProperty("properties");
        var receivers = Assert.Single(actionGroup.GetProperty("copy").EnumerateArray());
        var emails = module.GetProperty("template").GetProperty("variables").GetProperty("emails").GetString()!;

        Assert.Equal("emailReceivers", receivers.GetProperty("name").GetString());
        Assert.Equal("[length(variables('emails'))]", receivers.GetProperty("count").GetString());
        Assert.Equal(
            "[variables('emails')[copyIndex('emailReceivers')]]",
            receivers.GetProperty("input").GetProperty("emailAddress").GetString()
        );
        Assert.StartsWith("[filter(map(split(parameters('alertEmail'), ','),", emails, StringComparison.Ordinal);
        Assert.Equal(
            "[parameters('alertEmail')]",
            module.GetProperty("parameters").GetProperty("alertEmail").GetProperty("value").GetString()
        );
        var parameter = Template.Root.GetProperty("parameters").GetProperty("alertEmail");
        Assert.False(parameter.TryGetProperty("defaultValue", out _), "alertEmail has a default: azd would not ask");
        Assert.True(parameter.GetProperty("minLength").GetInt32() > 0);
        Assert.Equal("${ALERT_EMAIL}", ParametersFile().GetProperty("alertEmail").GetProperty("value").GetString());
    }

    [Fact]
    public void ParametersFile_EveryParameterWithoutDefault_GivenAndNoneUnknown()
    {
        var declared = Template.Root.GetProperty("parameters").EnumerateObject().ToList();
        var given = ParametersFile().EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(declared.Where(p => !p.Value.TryGetProperty("defaultValue", out _)), p =>
            Assert.Contains(p.Name, given)
        );
        Assert.All(given, name => Assert.Contains(declared, p => p.Name == name));
        Assert.Contains("alertEmail", given);
    }

    /// <summary>The log search alerts on Application Insights: the copy loop over the module's rule table.</summary>
    private static (JsonElement Resource, JsonElement Template) RuleLoop() =>
        Assert.Single(Template.Resources("Microsoft.Insights/scheduledQueryRules"), r =>
            r.Resource.TryGetProperty("copy", out _)
        );

    /// <summary>The rule table the alerts module loops over.</summary>
    private static List<JsonElement> Rules(JsonElement template) =>
        [.. template.GetProperty("variables").GetProperty("rules").EnumerateArray()];

    private static JsonElement Rule(string name) =>
        Rules(Template.Module("payments-alerts").GetProperty("properties").GetProperty("template"))
            .Single(r => r.GetProperty("name").GetString() == name);

    private static JsonElement ParametersFile()
    {
        using var document = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "main.parameters.json"))
        );
        return document.RootElement.GetProperty("parameters").Clone();
    }

    /// <summary>
    /// A rule field with the main template's parameter defaults put in: a plain value as it is, a <c>format(...)</c>
    /// expression over the module's <c>parameters('x')</c> / <c>variables('x')</c> with each argument's value.
    /// </summary>
    private static string Evaluate(JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        if (!text.StartsWith('[') || !text.EndsWith(']'))
        {
            return text;
        }

        var expression = text[1..^1];
        var format = FormatCall().Match(expression);
        if (!format.Success)
        {
            return Argument(expression);
        }

        var arguments = FormatArgument().Matches(format.Groups[2].Value).Select(m => Argument(m.Value)).ToArray();
        return string.Format(
            CultureInfo.InvariantCulture,
            format.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal),
            arguments
        );
    }

    private static string Argument(string argument)
    {
        var module = Template.Module("payments-alerts").GetProperty("properties").GetProperty("template");
        var parameter = Reference().Match(argument);
        return parameter.Groups[1].Value switch
        {
            "parameters" => Template
                .Root.GetProperty("parameters")
                .GetProperty(parameter.Groups[2].Value)
                .GetProperty("defaultValue")
                .ToString(),
            "variables" => module.GetProperty("variables").GetProperty(parameter.Groups[2].Value).GetString()!,
            _ => throw new InvalidOperationException($"Cannot evaluate {argument}"),
        };
    }

    /// <summary>GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens.</summary>
    private static string Slug(string heading) =>
        new string([
            .. heading.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_'),
        ]).Replace(' ', '-');

    [GeneratedRegex(@"^format\('((?:[^']|'')*)',\s*(.*)\)$", RegexOptions.Singleline)]
    private static partial Regex FormatCall();

    [GeneratedRegex(@"(parameters|variables)\('(\w+)'\)")]
    private static partial Regex FormatArgument();

    [GeneratedRegex(@"^(parameters|variables)\('(\w+)'\)$")]
    private static partial Regex Reference();

    [GeneratedRegex(@"docs/operations\.md#([a-z0-9-]+)")]
    private static partial Regex RunbookSection();

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

    private static string ScopeType(JsonElement assignment) =>
        ResourceType().Match(assignment.GetProperty("scope").GetString()!).Groups[1].Value;

    [GeneratedRegex(@"variables\('(\w+)'\)")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^\[resourceId\('([^']+)'")]
    private static partial Regex ResourceType();
}
