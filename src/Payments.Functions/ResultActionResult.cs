using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Payments.Functions;

/// <summary>Runs a shared handler's <see cref="IResult"/> as the <see cref="IActionResult"/> Functions expects.</summary>
internal sealed class ResultActionResult(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}

internal static class ResultExtensions
{
    /// <summary>
    /// Awaits the shared handler; an exception is answered by the same <see cref="IExceptionHandler"/> the Server uses
    /// (503 problem+json for storage or vault trouble, a 500 naming only the trace id otherwise), never the host's bare 500.
    /// </summary>
    public static async Task<IActionResult> AsActionResult(this Task<IResult> result, HttpRequest request)
    {
        try
        {
            return new ResultActionResult(await result);
        }
        catch (Exception e) when (!request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            foreach (var handler in request.HttpContext.RequestServices.GetServices<IExceptionHandler>())
            {
                if (await handler.TryHandleAsync(request.HttpContext, e, request.HttpContext.RequestAborted))
                {
                    return new EmptyResult();
                }
            }

            throw;
        }
    }
}
