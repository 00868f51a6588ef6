using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Payments.Http.RateLimiting;

namespace Payments.Functions;

/// <summary>
/// The Server's <see cref="AnonymousRateLimiter"/> policy for the worker: a rejected request never reaches the
/// function.
/// </summary>
internal sealed class RateLimitMiddleware(AnonymousRateLimiter limiter) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } http)
        {
            http.Items[AnonymousRateLimiter.FunctionNameKey] = context.FunctionDefinition.Name;
            if (!await limiter.TryAcquireAsync(http, http.RequestAborted))
            {
                return;
            }
        }

        await next(context);
    }
}
