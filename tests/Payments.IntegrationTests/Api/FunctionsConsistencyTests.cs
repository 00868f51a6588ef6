using System.Text.RegularExpressions;
using Payments.Http.Endpoints;
using Payments.Http.Jobs;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Api;

/// <summary>
/// The Functions project cannot be compiled where its packages are missing, so its source is read instead:
/// every route the Server maps has a function with the same name, method, route and auth level, and every
/// scheduled job a timer on its setting.
/// </summary>
public sealed partial class FunctionsConsistencyTests
{
    private static readonly string FunctionsSource = string.Join('\n',
        Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "src", "Payments.Functions"), "*.cs").Select(File.ReadAllText));

    public static TheoryData<string> RouteNames() => [.. ApiRoutes.All.Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(RouteNames))]
    public void HttpFunction_ForEveryServerRoute_SameMethodRouteAndAuthLevel(string name)
    {
        var route = ApiRoutes.All.Single(r => r.Name == name);
        var level = route.Access == AccessLevel.Anonymous ? "Anonymous" : "Function";

        var function = Assert.Single(HttpFunctions(FunctionsSource), f => f.Name == name);

        Assert.Equal((level, route.Method.ToLowerInvariant(), route.Route), (function.Level, function.Method, function.Route));
    }

    [Fact]
    public void HttpFunctions_NoneWithoutAServerRoute()
    {
        Assert.Equal(ApiRoutes.All.Select(r => r.Name).Order(), HttpFunctions(FunctionsSource).Select(f => f.Name).Order());
    }

    [Fact]
    public void TimerFunction_ForEveryScheduledJob_OnItsSetting()
    {
        var settings = typeof(IScheduledJob).Assembly.GetTypes()
            .Where(t => typeof(IScheduledJob).IsAssignableFrom(t) && !t.IsInterface)
            .Select(t => (string)t.GetField("Setting")!.GetRawConstantValue()!)
            .Order();

        Assert.Equal(settings, TimerTrigger().Matches(FunctionsSource).Select(m => m.Groups[1].Value).Order());
    }

    [Fact]
    public void HttpFunctions_ReadFromSource_DetectsARemovedFunction()
    {
        var withoutNotify = FunctionsSource.Replace("[Function(\"HaiPayNotify\")]", string.Empty, StringComparison.Ordinal);

        Assert.DoesNotContain(HttpFunctions(withoutNotify), f => f.Name == "HaiPayNotify");
        Assert.Contains(HttpFunctions(FunctionsSource), f => f.Name == "HaiPayNotify");
    }

    private static List<(string Name, string Level, string Method, string Route)> HttpFunctions(string source) =>
        HttpFunction().Matches(source).Select(m => (m.Groups["name"].Value, m.Groups["level"].Value, m.Groups["method"].Value, m.Groups["route"].Value)).ToList();

    [GeneratedRegex("""\[Function\("(?<name>[^"]+)"\)\]\s*public[^\[]*\[HttpTrigger\(AuthorizationLevel\.(?<level>\w+),\s*"(?<method>\w+)",\s*Route\s*=\s*"(?<route>[^"]+)"\)\]""")]
    private static partial Regex HttpFunction();

    [GeneratedRegex("""\[TimerTrigger\("%(\w+)%", RunOnStartup = false\)\]""")]
    private static partial Regex TimerTrigger();
}
