using System.Text.Json;
using System.Text.RegularExpressions;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Api;

/// <summary>
/// The "Least privilege" table in <c>infra/README.md</c> and the role assignments of the compiled template are the
/// same set (identity, role, scope), and the app's custom table role cannot delete a table.
/// </summary>
public sealed partial class InfraLeastPrivilegeTests
{
    private const string App = "App";
    private const string Deployer = "Deploying user";
    private const string Custom = "custom";
    private const string TableDelete = "Microsoft.Storage/storageAccounts/tableServices/tables/delete";

    private static readonly ArmTemplate Template = ArmTemplate.Main;

    /// <summary>The storage module calls: the payments account and, with <c>separateHostStorage</c>, the host's.</summary>
    private static readonly string[] StorageModules = ["storage", "host-storage"];

    private static readonly string[] Identities = [App, Deployer];

    [Fact]
    public void RoleAssignments_CompiledTemplate_ExactlyTheReadmeTableRows()
    {
        var assignments = Template
            .Resources("Microsoft.Authorization/roleAssignments")
            .SelectMany(r => Grants(r.Resource, r.Template))
            .Distinct()
            .Order()
            .ToList();
        var rows = ReadmeRows().Select(r => (r.Identity, r.Role, r.Scope)).Order().ToList();

        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Equal(rows, assignments);
    }

    [Fact]
    public void RoleAssignments_NoneAtAStorageAccountResourceGroupOrSubscription()
    {
        var scopes = Template
            .Resources("Microsoft.Authorization/roleAssignments")
            .Select(r => r.Resource.TryGetProperty("scope", out var s) ? s.GetString()! : "(deployment scope)")
            .ToList();

        Assert.All(scopes, s => Assert.Matches(ScopeCall(), s));
        Assert.DoesNotContain(scopes, s => ScopeCall().Match(s).Groups[1].Value == "Microsoft.Storage/storageAccounts");
    }

    [Fact]
    public void TableRole_Custom_TableDataAndCreateButNoTableDelete_AssignableInItsResourceGroupOnly()
    {
        var definition = Assert.Single(Template.Resources("Microsoft.Authorization/roleDefinitions")).Resource;
        var properties = definition.GetProperty("properties");
        var permissions = Assert.Single(properties.GetProperty("permissions").EnumerateArray());
        var granted = permissions
            .GetProperty("actions")
            .EnumerateArray()
            .Concat(permissions.GetProperty("dataActions").EnumerateArray())
            .Select(a => a.GetString()!)
            .ToList();
        var given = StorageModules.Select(m =>
            Template
                .Module(m)
                .GetProperty("properties")
                .GetProperty("parameters")
                .GetProperty("tableRoleDefinitionId")
                .GetProperty("value")
                .GetString()!
        );

        Assert.Equal("CustomRole", properties.GetProperty("type").GetString());
        Assert.Equal(
            "[resourceGroup().id]",
            Assert.Single(properties.GetProperty("assignableScopes").EnumerateArray()).GetString()
        );
        Assert.Contains(
            "resourceGroup().name",
            properties.GetProperty("roleName").GetString(),
            StringComparison.Ordinal
        );
        Assert.Contains("Microsoft.Storage/storageAccounts/tableServices/tables/write", granted);
        Assert.Contains("Microsoft.Storage/storageAccounts/tableServices/tables/entities/delete", granted);
        Assert.All(granted, a => Assert.StartsWith("Microsoft.Storage/storageAccounts/tableServices/tables/", a));
        Assert.DoesNotContain(TableDelete, granted);
        Assert.DoesNotContain(granted, a => a.Contains('*', StringComparison.Ordinal));
        Assert.All(given, v => Assert.StartsWith("[resourceId('Microsoft.Authorization/roleDefinitions'", v));
    }

    [Fact]
    public void AuditMonths_OnAzure_NotDroppedByTheApp()
    {
        var given = Template
            .Module("functionapp")
            .GetProperty("properties")
            .GetProperty("parameters")
            .GetProperty("appSettings")
            .GetProperty("value")
            .GetString()!;

        Assert.Contains("'Audit__DropExpiredMonths', 'false'", given, StringComparison.Ordinal);
    }

    /// <summary>
    /// (identity, role, scope) for each assignment a resource makes; a copy loop over a variable's array, one each.
    /// </summary>
    private static IEnumerable<(string Identity, string Role, string Scope)> Grants(
        JsonElement assignment,
        JsonElement template
    )
    {
        var properties = assignment.GetProperty("properties");
        var identity = properties.GetProperty("principalId").GetString() switch
        {
            "[parameters('principalId')]" => App,
            "[parameters('vaultOfficerPrincipalId')]" => Deployer,
            var other => throw new InvalidOperationException($"Unknown principal {other}"),
        };
        var role = RoleId(properties.GetProperty("roleDefinitionId").GetString()!, template);
        var scope = ScopeCall().Match(assignment.GetProperty("scope").GetString()!);
        var type = scope.Groups[1].Value.Split('/')[^1];
        var last = scope.Groups[2].Value.Split(", ")[^1];
        var loop = CopiedVariable().Match(last);
        IEnumerable<string> names = last switch
        {
            _ when loop.Success => template
                .GetProperty("variables")
                .GetProperty(loop.Groups[1].Value)
                .EnumerateArray()
                .Select(v => v.GetString()!),
            ['\'', .. var literal, '\''] => [literal],
            _ => [string.Empty],
        };
        return names.Select(n => (identity, role, n.Length == 0 ? type : $"{type}/{n}"));
    }

    /// <summary>A built-in role's id (literal, or through a variable), or <see cref="Custom"/> for a parameter.</summary>
    private static string RoleId(string definition, JsonElement template)
    {
        var literal = Guid().Match(definition);
        if (literal.Success)
        {
            return literal.Value;
        }

        var variable = VariableReference().Match(definition);
        return variable.Success
            ? template.GetProperty("variables").GetProperty(variable.Groups[1].Value).GetString()!
            : Custom;
    }

    /// <summary>The rows of the README's least-privilege table: identity, role id or custom, scope key, why.</summary>
    private static List<(string Identity, string Role, string Scope, string Why)> ReadmeRows()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "infra", "README.md"));
        var start = Array.IndexOf(lines, "## Least privilege");
        Assert.True(start >= 0, "infra/README.md has no \"## Least privilege\" section");
        return
        [
            .. lines
                .Skip(start)
                .SkipWhile(l => !l.StartsWith("| Identity |", StringComparison.Ordinal))
                .Skip(2)
                .TakeWhile(l => l.StartsWith('|'))
                .Select(l => l.Trim('|').Split(" | ").Select(c => c.Trim()).ToArray())
                .Select(c =>
                {
                    Assert.Equal(4, c.Length);
                    Assert.Contains(c[0], Identities);
                    Assert.False(string.IsNullOrWhiteSpace(c[3]), $"{c[1]} on {c[2]} says no why");
                    var id = Guid().Match(c[1]);
                    var role =
                        id.Success ? id.Value
                        : c[1].Contains("(custom", StringComparison.Ordinal) ? Custom
                        : throw new InvalidOperationException($"Role cell names no id: {c[1]}");
                    return (c[0], role, CodeSpan().Match(c[2]).Groups[1].Value, c[3]);
                }),
        ];
    }

    [GeneratedRegex(@"^\[resourceId\('([^']+)', (.*)\)\]$")]
    private static partial Regex ScopeCall();

    [GeneratedRegex(@"^variables\('(\w+)'\)\[copyIndex\(\)\]$")]
    private static partial Regex CopiedVariable();

    [GeneratedRegex(@"variables\('(\w+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
