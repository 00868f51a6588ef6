using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Payments.Core;
using Payments.Core.Orders;
using Payments.Core.Secrets;

namespace Payments.Http.Problems;

/// <summary>
/// Turns exceptions into problem+json without stack traces: storage, key vault or contention trouble is a 503 with
/// Retry-After (so providers and merchants retry); anything else a 500 that names only the trace id.
/// </summary>
public sealed partial class ServiceProblemHandler(
    IProblemDetailsService problems,
    ILogger<ServiceProblemHandler> logger
) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext,
        Exception exception,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var unavailable = IsUnavailable(exception);
        if (unavailable)
        {
            LogUnavailable(logger, exception.GetType().Name, exception.Message);
            httpContext.Response.Headers.RetryAfter = "5";
        }
        else
        {
            LogUnexpected(logger, exception);
        }

        httpContext.Response.StatusCode = unavailable
            ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(
            new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails =
                {
                    Title = unavailable ? "Service temporarily unavailable" : "Unexpected error",
                    Detail = unavailable
                        ? "Storage or the key vault is not answering; nothing was recorded. Retry later."
                        : "The error was logged.",
                    Status = httpContext.Response.StatusCode,
                    Extensions =
                    {
                        [ApiProblem.CodeMember] = unavailable
                            ? ProblemCodes.ServiceUnavailable.Name
                            : ProblemCodes.InternalError.Name,
                    },
                },
            }
        );
    }

    /// <summary>
    /// Whether <paramref name="exception"/> is answered 503 (storage, the key vault or contention), not 500.
    /// </summary>
    public static bool IsUnavailable(Exception exception) =>
        exception is StorageUnavailableException or OrderContentionException or SecretUnavailableException;

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Answering 503: {Kind}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string kind, string reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Unhandled exception")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);
}
