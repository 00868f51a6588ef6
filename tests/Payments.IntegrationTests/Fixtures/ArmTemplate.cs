using System.Diagnostics;
using System.Text.Json;

namespace Payments.IntegrationTests.Fixtures;

/// <summary>
/// <c>infra/main.bicep</c> compiled to ARM JSON by the Bicep CLI that <c>infra/tools/BicepCli.csproj</c> restores from
/// NuGet (scripts/test restores it), with the compiler's diagnostics. Nested module deployments are walked into.
/// </summary>
public sealed class ArmTemplate
{
    public const string BicepVersion = "0.49.2";

    private static readonly Lazy<ArmTemplate> Compiled = new(Compile);

    private ArmTemplate(JsonElement root, string diagnostics)
    {
        Root = root;
        Diagnostics = diagnostics;
    }

    public static ArmTemplate Main => Compiled.Value;

    public JsonElement Root { get; }

    /// <summary>What <c>bicep build</c> wrote to stderr: warnings and errors, empty when clean.</summary>
    public string Diagnostics { get; }

    public static string BicepPath
    {
        get
        {
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            return Path.Combine(packages, "azure.bicep.commandline.linux-x64", BicepVersion, "tools", "bicep");
        }
    }

    /// <summary>
    /// Every resource of <paramref name="type"/> in the template or any module, with the template declaring it.
    /// </summary>
    public IEnumerable<(JsonElement Resource, JsonElement Template)> Resources(string type) =>
        AllResources(Root).Where(r => r.Resource.GetProperty("type").GetString() == type);

    /// <summary>
    /// The Function App's config resource <paramref name="name"/> (<c>appsettings</c>, <c>authsettingsV2</c>).
    /// </summary>
    public JsonElement SiteConfig(string name) =>
        Assert
            .Single(Resources("Microsoft.Web/sites/config"), r =>
                r.Resource.GetProperty("name").GetString()!.EndsWith($"'{name}')]", StringComparison.Ordinal)
            )
            .Resource;

    /// <summary>The module deployment named <paramref name="name"/>.</summary>
    public JsonElement Module(string name) =>
        Resources("Microsoft.Resources/deployments")
            .Single(r => r.Resource.GetProperty("name").GetString() == name)
            .Resource;

    private static IEnumerable<(JsonElement Resource, JsonElement Template)> AllResources(JsonElement template)
    {
        var resources = template.GetProperty("resources");
        var list =
            resources.ValueKind == JsonValueKind.Array
                ? resources.EnumerateArray().ToList()
                : [.. resources.EnumerateObject().Select(p => p.Value)];
        foreach (var resource in list)
        {
            yield return (resource, template);
            if (resource.GetProperty("type").GetString() == "Microsoft.Resources/deployments")
            {
                foreach (var inner in AllResources(resource.GetProperty("properties").GetProperty("template")))
                {
                    yield return inner;
                }
            }
        }
    }

    private static ArmTemplate Compile()
    {
        if (!File.Exists(BicepPath))
        {
            throw new InvalidOperationException(
                $"No Bicep CLI at {BicepPath}: run `dotnet restore infra/tools/BicepCli.csproj` (scripts/test does)."
            );
        }

        var start = new ProcessStartInfo(BicepPath)
        {
            ArgumentList = { "build", Path.Combine(RepositoryRoot.Path, "infra", "main.bicep"), "--stdout" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var bicep = Process.Start(start)!;
        var stdout = bicep.StandardOutput.ReadToEndAsync();
        var stderr = bicep.StandardError.ReadToEndAsync();
        bicep.WaitForExit();
        if (bicep.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed ({bicep.ExitCode}): {stderr.Result}");
        }

        using var document = JsonDocument.Parse(stdout.Result);
        return new ArmTemplate(document.RootElement.Clone(), stderr.Result.Trim());
    }
}

/// <summary>
/// Reads ARM template expressions (<c>[createObject('a', 1, 'b', 2)]</c>) just enough to list object keys.
/// </summary>
public static class ArmExpression
{
    /// <summary>The keys of a JSON object, or of every <c>createObject</c> call in an expression string.</summary>
    public static IEnumerable<string> ObjectKeys(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return value.EnumerateObject().Select(p => p.Name);
        }

        var expression = value.GetString() ?? string.Empty;
        var keys = new List<string>();
        for (
            var at = expression.IndexOf("createObject(", StringComparison.Ordinal);
            at >= 0;
            at = expression.IndexOf("createObject(", at + 1, StringComparison.Ordinal)
        )
        {
            var arguments = Arguments(expression, at + "createObject(".Length);
            keys.AddRange(
                arguments
                    .Where((_, i) => i % 2 == 0)
                    .Where(a => a.StartsWith('\''))
                    .Select(a => a[1..^1].Replace("''", "'", StringComparison.Ordinal))
            );
        }

        return keys;
    }

    /// <summary>The top-level arguments of the call whose argument list starts at <paramref name="start"/>.</summary>
    private static List<string> Arguments(string expression, int start)
    {
        var arguments = new List<string>();
        var depth = 0;
        var quoted = false;
        var from = start;
        for (var i = start; i < expression.Length; i++)
        {
            var c = expression[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '(' or '[')
            {
                depth++;
            }
            else if (!quoted && c is ')' or ']' && depth > 0)
            {
                depth--;
            }
            else if (!quoted && (c == ',' || c == ')') && depth == 0)
            {
                arguments.Add(expression[from..i].Trim());
                from = i + 1;
                if (c == ')')
                {
                    break;
                }
            }
        }

        return arguments;
    }
}
