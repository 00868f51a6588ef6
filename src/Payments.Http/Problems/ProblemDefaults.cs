using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Payments.Http.Problems;

/// <summary>
/// What every problem answer carries whoever wrote it (an endpoint, the exception handler, the framework): a
/// <c>code</c> and its <c>type</c>, the W3C trace id as <c>traceId</c>, and <c>Cache-Control: no-store</c>. Both hosts
/// install it.
/// </summary>
public static class ProblemDefaults
{
    /// <summary>
    /// Where the Functions worker puts the invocation's W3C trace id (from the host's trace context), which names the
    /// operation in Application Insights; the Server uses the request's activity.
    /// </summary>
    public const string TraceIdItem = "Payments.TraceId";

    public static void Apply(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var named = problem.Extensions.TryGetValue(ApiProblem.CodeMember, out var value) ? value as string : null;
        var code = ProblemCodes.Find(named) ?? ProblemCodes.ForStatus(status);
        problem.Extensions[ApiProblem.CodeMember] = code.Name;
        problem.Type = code.Type;
        problem.Extensions["traceId"] = TraceId(context.HttpContext);
        context.HttpContext.Response.Headers.CacheControl = "no-store";
    }

    /// <summary>The request's W3C trace id (32 hex digits).</summary>
    public static string TraceId(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.Items.TryGetValue(TraceIdItem, out var item) && item is string invocation)
        {
            return invocation;
        }

        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
        {
            return activity.TraceId.ToHexString();
        }

        return FromTraceParent(httpContext.Request.Headers.TraceParent) ?? ActivityTraceId.CreateRandom().ToHexString();
    }

    /// <summary>The trace id of a W3C <c>traceparent</c> value, or null when it is not one.</summary>
    public static string? FromTraceParent(string? traceParent) =>
        ActivityContext.TryParse(traceParent, null, out var parsed) ? parsed.TraceId.ToHexString() : null;
}
