using System.Collections.Immutable;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Payments.Azure;
using Payments.Functions;

namespace Payments.IntegrationTests.Fixtures;

/// <summary>
/// The Functions worker's real host, built by <see cref="FunctionsApp.Build"/> as <c>Program.cs</c> does, on the
/// Server's tables and settings. The Functions host itself (which routes requests, checks function keys and talks gRPC
/// to the worker) cannot run here, so this plays its part: it picks the function from the generated
/// <c>functions.metadata</c> routes, creates the function class from the worker's container, runs it through the
/// worker middleware (<see cref="FunctionsPipeline"/>) with a real <see cref="HttpContext"/> behind the real
/// <see cref="ForwardedHeadersMiddleware"/> with the options the ASP.NET Core integration registers (its pipeline runs
/// <c>UseForwardedHeaders</c> first; requests come from the Functions host on loopback), and executes the
/// <see cref="IResult"/> it returns as the ASP.NET Core integration does.
/// </summary>
public sealed class FunctionsWorker : IAsyncDisposable
{
    private const string HttpContextKey = "HttpRequestContext";

    private static readonly Lazy<IReadOnlyList<FunctionEntry>> Entries = new(LoadMetadata);

    private readonly IHost host;
    private readonly StorageInitializer initializer;

    private FunctionsWorker(IHost host, StorageInitializer initializer, FakeLogCollector logs)
    {
        this.host = host;
        this.initializer = initializer;
        Logs = logs;
    }

    public FakeLogCollector Logs { get; }

    public IServiceProvider Services => host.Services;

    /// <summary>Every function the build listed in <c>functions.metadata</c>.</summary>
    public static IReadOnlyList<FunctionEntry> Functions => Entries.Value;

    /// <summary>The generated <c>functions.metadata</c> of the Functions project's build.</summary>
    public static string MetadataPath { get; } =
        Path.Combine(
            RepositoryRoot.Path,
            "src",
            "Payments.Functions",
            "bin",
            "Release",
            "net10.0",
            "functions.metadata"
        );

    public static async Task<FunctionsWorker> StartAsync(
        AzuriteFixture azurite,
        string tablePrefix,
        IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? services = null
    )
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var host = FunctionsApp.Build(["--environment", "Production"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["PaymentsStorage:ConnectionString"] = azurite.ConnectionString,
                    ["PaymentsStorage:TablePrefix"] = tablePrefix,
                    ["RateLimiting:PermitLimit"] = ServerHost.Unlimited,
                    ["HuaweiPin:AmountUnit"] = "major",
                    ["HuaweiPin:Currency"] = "USD",
                    ["Secrets:Idempotency-FingerprintKey"] = ServerHost.FingerprintKey,
                    ["OperatorKeys:Keys:0"] = ServerHost.OperatorKey,
                }
            );
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders().AddFakeLogging().SetMinimumLevel(LogLevel.Debug);
            services?.Invoke(builder.Services);
        });
        var logs = host.Services.GetFakeLogCollector();
        var initializer = host.Services.GetRequiredService<StorageInitializer>();
        await initializer.StartAsync(default);
        await initializer.Ready.WaitAsync(TimeSpan.FromSeconds(30));
        return new FunctionsWorker(host, initializer, logs);
    }

    /// <summary>Starts a worker on the system's tables and settings (its sandbox, its secrets).</summary>
    public static Task<FunctionsWorker> StartAsync(
        AzuriteFixture azurite,
        PaymentsSystem system,
        Action<IServiceCollection>? services = null
    )
    {
        ArgumentNullException.ThrowIfNull(system);
        return StartAsync(azurite, system.Server.TablePrefix, system.Settings, services);
    }

    /// <summary>
    /// Sends a request as the Functions host would forward it: 404 with an empty body when no function's route matches.
    /// </summary>
    public async Task<FunctionResponse> SendAsync(FunctionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path.Split('?')[0];
        foreach (
            var entry in Functions.Where(f =>
                f.Route is not null && f.Methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase)
            )
        )
        {
            var values = new RouteValueDictionary();
            if (new TemplateMatcher(TemplateParser.Parse("api/" + entry.Route), []).TryMatch(path, values))
            {
                return await InvokeHttpAsync(entry, request, values);
            }
        }

        return new FunctionResponse(StatusCodes.Status404NotFound, new HeaderDictionary(), string.Empty);
    }

    /// <summary>Runs the timer function <paramref name="name"/> once, as its schedule would.</summary>
    public async Task RunTimerAsync(string name)
    {
        var entry = Functions.Single(f => f.Name == name && f.Schedule is not null);
        await using var scope = host.Services.CreateAsyncScope();
        var context = new WorkerFunctionContext(entry, scope.ServiceProvider, CancellationToken.None);
        await FunctionsPipeline.Wrap(c => InvokeAsync(entry, c, null))(context);
    }

    public async ValueTask DisposeAsync()
    {
        await initializer.StopAsync(default);
        host.Dispose();
    }

    private async Task<FunctionResponse> InvokeHttpAsync(
        FunctionEntry entry,
        FunctionRequest request,
        RouteValueDictionary values
    )
    {
        await using var scope = host.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Connection.RemoteIpAddress = request.RemoteAddress ?? IPAddress.Loopback;
        http.Request.Method = request.Method;
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("localhost", 7071);
        var query = request.Path.IndexOf('?', StringComparison.Ordinal);
        http.Request.Path = "/" + (query < 0 ? request.Path : request.Path[..query]).TrimStart('/');
        http.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(request.Path[query..]);
        foreach (var (name, value) in request.Headers)
        {
            http.Request.Headers[name] = value;
        }

        if (request.Body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(request.Body);
            http.Request.Body = new MemoryStream(bytes);
            http.Request.ContentLength = bytes.Length;
            http.Request.ContentType ??= request.ContentType;
        }

        foreach (var (key, value) in values)
        {
            http.Request.RouteValues[key] = value;
        }

        using var body = new MemoryStream();
        http.Response.Body = body;
        var context = new WorkerFunctionContext(entry, scope.ServiceProvider, http.RequestAborted)
        {
            TraceParent = request.TraceParent,
        };
        context.Items[HttpContextKey] = http;
        object? returned = null;
        var forwardedHeaders = new ForwardedHeadersMiddleware(
            _ => FunctionsPipeline.Wrap(async c => returned = await InvokeAsync(entry, c, http))(context),
            host.Services.GetRequiredService<ILoggerFactory>(),
            host.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>()
        );
        await forwardedHeaders.Invoke(http);
        if (returned is IResult result)
        {
            await result.ExecuteAsync(http);
        }

        await http.Response.CompleteAsync();
        var answered = Encoding.UTF8.GetString(body.ToArray());
        var mediaType = http.Response.ContentType is { } type ? type.Split(';')[0].Trim() : null;
        OpenApiContract.Check(request.Method, http.Request.Path.Value!, http.Response.StatusCode, mediaType, answered);
        return new FunctionResponse(http.Response.StatusCode, http.Response.Headers, answered);
    }

    /// <summary>
    /// Binds the method's parameters as the worker does (trigger, route values, cancellation) and awaits it.
    /// </summary>
    private static async Task<object?> InvokeAsync(FunctionEntry entry, FunctionContext context, HttpContext? http)
    {
        var instance = ActivatorUtilities.CreateInstance(context.InstanceServices, entry.Method.DeclaringType!);
        var arguments = entry
            .Method.GetParameters()
            .Select(
                object? (p) =>
                    p.ParameterType switch
                    {
                        var t when t == typeof(HttpRequest) => http!.Request,
                        var t when t == typeof(TimerInfo) => new TimerInfo(),
                        var t when t == typeof(CancellationToken) => context.CancellationToken,
                        var t when t == typeof(FunctionContext) => context,
                        var t when t == typeof(string) => http!.Request.RouteValues[p.Name!]?.ToString(),
                        var t => throw new InvalidOperationException($"{entry.Name}: no binding for {t}"),
                    }
            )
            .ToArray();
        var task = (Task)entry.Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, null, arguments, null)!;
        await task;
        return task.GetType().IsGenericType
            ? task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task)
            : null;
    }

    private static List<FunctionEntry> LoadMetadata()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(MetadataPath));
        var assembly = typeof(FunctionsApp).Assembly;
        return document
            .RootElement.EnumerateArray()
            .Select(function =>
            {
                var entryPoint = function.GetProperty("entryPoint").GetString()!;
                var split = entryPoint.LastIndexOf('.');
                var method = assembly
                    .GetType(entryPoint[..split], throwOnError: true)!
                    .GetMethod(entryPoint[(split + 1)..])
                    ?? throw new InvalidOperationException($"{entryPoint} not found");
                var trigger = function
                    .GetProperty("bindings")
                    .EnumerateArray()
                    .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
                return new FunctionEntry(
                    function.GetProperty("name").GetString()!,
                    trigger.GetProperty("type").GetString()!,
                    method,
                    trigger.TryGetProperty("authLevel", out var level) ? level.GetString() : null,
                    trigger.TryGetProperty("methods", out var methods)
                        ? [.. methods.EnumerateArray().Select(m => m.GetString()!)]
                        : [],
                    trigger.TryGetProperty("route", out var route) ? route.GetString() : null,
                    trigger.TryGetProperty("schedule", out var schedule) ? schedule.GetString() : null,
                    trigger.TryGetProperty("runOnStartup", out var onStartup) && onStartup.GetBoolean()
                );
            })
            .ToList();
    }

    /// <summary>
    /// What the worker's invocation carries: the function, its scoped services, items and cancellation.
    /// </summary>
    private sealed class WorkerFunctionContext(
        FunctionEntry entry,
        IServiceProvider services,
        CancellationToken cancellationToken
    ) : FunctionContext
    {
        public override string InvocationId { get; } = Guid.NewGuid().ToString();

        public override string FunctionId => entry.Name;

        /// <summary>The W3C trace context the host gives the invocation (the operation Application Insights shows).</summary>
        public string? TraceParent { get; init; }

        public override TraceContext TraceContext => new HostTraceContext(TraceParent ?? string.Empty);

        public override BindingContext BindingContext => null!;

        public override RetryContext RetryContext => null!;

        public override IServiceProvider InstanceServices { get; set; } = services;

        public override FunctionDefinition FunctionDefinition { get; } = new Definition(entry);

        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

        public override IInvocationFeatures Features => null!;

        public override CancellationToken CancellationToken { get; } = cancellationToken;
    }

    private sealed class HostTraceContext(string traceParent) : TraceContext
    {
        public override string TraceParent => traceParent;

        public override string TraceState => string.Empty;
    }

    private sealed class Definition(FunctionEntry entry) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];

        public override string PathToAssembly => entry.Method.DeclaringType!.Assembly.Location;

        public override string EntryPoint => $"{entry.Method.DeclaringType!.FullName}.{entry.Method.Name}";

        public override string Id => entry.Name;

        public override string Name => entry.Name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings =>
            ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings =>
            ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}

/// <summary>One function as the build's <c>functions.metadata</c> lists it, with the method it names.</summary>
public sealed record FunctionEntry(
    string Name,
    string TriggerType,
    MethodInfo Method,
    string? AuthLevel,
    IReadOnlyList<string> Methods,
    string? Route,
    string? Schedule,
    bool RunOnStartup
);

public sealed record FunctionRequest(
    string Method,
    string Path,
    string? Body = null,
    string? ContentType = "application/json"
)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public IPAddress? RemoteAddress { get; init; }

    /// <summary>The invocation's W3C trace context as the Functions host passes it, if any.</summary>
    public string? TraceParent { get; init; }
}

public sealed record FunctionResponse(int Status, IHeaderDictionary Headers, string Body);
