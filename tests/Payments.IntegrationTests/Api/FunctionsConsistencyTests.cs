using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Payments.Functions;
using Payments.Http.Endpoints;
using Payments.Http.Jobs;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Api;

/// <summary>
/// Every route the Server maps has a function with the same name, method, route and auth level, and every scheduled
/// job a timer on its setting: read by reflection from the compiled Functions assembly's <c>[Function]</c>,
/// <c>[HttpTrigger]</c> and <c>[TimerTrigger]</c> attributes and from the <c>functions.metadata</c> its build generated
/// (what the Functions host indexes).
/// </summary>
public sealed class FunctionsConsistencyTests
{
    private static readonly IReadOnlyList<FunctionShape> Attributed = FromAttributes();

    private static readonly IReadOnlyList<FunctionShape> Generated =
    [
        .. FunctionsWorker.Functions.Select(f => new FunctionShape(
            f.Name,
            f.TriggerType,
            f.AuthLevel,
            string.Join(',', f.Methods),
            f.Route,
            f.Schedule,
            f.RunOnStartup
        )),
    ];

    public static TheoryData<string> RouteNames() => [.. ApiRoutes.All.Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(RouteNames))]
    public void HttpFunction_ForEveryServerRoute_SameMethodRouteAndAuthLevel(string name)
    {
        var route = ApiRoutes.All.Single(r => r.Name == name);
        var level = route.Access switch
        {
            AccessLevel.Anonymous or AccessLevel.Operator => "Anonymous",
            _ => "Function",
        };
        var expected = new FunctionShape(
            name,
            "httpTrigger",
            level,
            route.Method.ToLowerInvariant(),
            route.Route,
            null,
            false
        );

        Assert.Equal(expected, Assert.Single(Attributed, f => f.Name == name));
        Assert.Equal(expected, Assert.Single(Generated, f => f.Name == name));
    }

    [Fact]
    public void HttpFunctions_NoneWithoutAServerRoute()
    {
        var routes = ApiRoutes.All.Select(r => r.Name).Order().ToList();

        Assert.Equal(routes, Attributed.Where(f => f.Trigger == "httpTrigger").Select(f => f.Name).Order());
        Assert.Equal(routes, Generated.Where(f => f.Trigger == "httpTrigger").Select(f => f.Name).Order());
    }

    [Fact]
    public void TimerFunction_ForEveryScheduledJob_OnItsSettingNeverOnStartup()
    {
        var settings = typeof(IScheduledJob)
            .Assembly.GetTypes()
            .Where(t => typeof(IScheduledJob).IsAssignableFrom(t) && !t.IsInterface)
            .Select(t => $"%{(string)t.GetField("Setting")!.GetRawConstantValue()!}%")
            .Order()
            .ToList();

        Assert.Equal(settings, Attributed.Where(f => f.Trigger == "timerTrigger").Select(f => f.Schedule).Order());
        Assert.Equal(settings, Generated.Where(f => f.Trigger == "timerTrigger").Select(f => f.Schedule).Order());
        Assert.All(Generated, f => Assert.False(f.RunOnStartup, f.Name));
    }

    [Fact]
    public void Metadata_EveryFunction_SameAsItsAttributes()
    {
        Assert.Equal(
            Attributed.OrderBy(f => f.Name, StringComparer.Ordinal),
            Generated.OrderBy(f => f.Name, StringComparer.Ordinal)
        );
        Assert.Equal(34, Generated.Count);
    }

    [Fact]
    public void OperatorFunctions_AnonymousAtTheHostCheckedByTheAppAndOutsideTheHostsAdminRoutes()
    {
        var operatorRoutes = ApiRoutes
            .All.Where(r => r.Access == AccessLevel.Operator)
            .Select(r => r.Name)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(15, operatorRoutes.Count);
        Assert.All(Generated.Where(f => f.Trigger == "httpTrigger"), f =>
        {
            Assert.NotEqual("Admin", f.AuthLevel);
            Assert.Equal(operatorRoutes.Contains(f.Name), OperatorAccessMiddleware.Guards(f.Name));
            Assert.Equal(
                operatorRoutes.Contains(f.Name) || f.Name == ApiRoutes.OperatorConsole.Name,
                f.Route!.StartsWith("ops/", StringComparison.Ordinal)
            );
            Assert.False(f.Route.StartsWith("admin", StringComparison.OrdinalIgnoreCase), f.Name);
        });
    }

    private static List<FunctionShape> FromAttributes() =>
        [
            .. typeof(FunctionsApp)
                .Assembly.GetTypes()
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                .Select(m => (Function: m.GetCustomAttribute<FunctionAttribute>(), Method: m))
                .Where(m => m.Function is not null)
                .Select(m => Shape(m.Function!.Name, m.Method)),
        ];

    private static FunctionShape Shape(string name, MethodInfo method)
    {
        var parameters = method.GetParameters();
        if (
            parameters.Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(a => a is not null) is
            { } http
        )
        {
            return new FunctionShape(
                name,
                "httpTrigger",
                http.AuthLevel.ToString(),
                string.Join(',', http.Methods ?? []),
                http.Route,
                null,
                false
            );
        }

        var timer = parameters.Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).Single(a => a is not null)!;
        return new FunctionShape(name, "timerTrigger", null, string.Empty, null, timer.Schedule, timer.RunOnStartup);
    }

    private sealed record FunctionShape(
        string Name,
        string Trigger,
        string? AuthLevel,
        string Methods,
        string? Route,
        string? Schedule,
        bool RunOnStartup
    );
}
