using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Payments.Http.Problems;

namespace Payments.Functions;

/// <summary>
/// An exception from an HTTP function is answered by the same <see cref="IExceptionHandler"/> the Server uses
/// (503 problem+json for storage or vault trouble, a 500 naming only the trace id otherwise), never the host's bare
/// 500. Timer functions and cancelled requests rethrow. A problem's <c>traceId</c> is the invocation's W3C trace id,
/// the operation the host reports to Application Insights.
/// </summary>
internal sealed class ProblemMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (
            context.GetHttpContext() is { } request
            && ProblemDefaults.FromTraceParent(context.TraceContext?.TraceParent) is { } traceId
        )
        {
            request.Items[ProblemDefaults.TraceIdItem] = traceId;
        }

        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is { } http && !http.RequestAborted.IsCancellationRequested)
        {
            foreach (var handler in http.RequestServices.GetServices<IExceptionHandler>())
            {
                if (await handler.TryHandleAsync(http, e, http.RequestAborted))
                {
                    return;
                }
            }

            throw;
        }
    }
}
