using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Payments.Http.Endpoints;
using Payments.Http.Security;

namespace Payments.Functions;

/// <summary>
/// The Server's operator gate for the worker: every operator function (an <see cref="AccessLevel.Operator"/> route of
/// <see cref="ApiRoutes"/>, anonymous at the Functions host) goes through <see cref="OperatorAuthentication"/> first; a
/// refused request is answered its problem and never reaches the function.
/// </summary>
public sealed class OperatorAccessMiddleware(OperatorAuthentication authentication) : IFunctionsWorkerMiddleware
{
    private static readonly HashSet<string> Guarded =
    [
        .. ApiRoutes.All.Where(r => r.Access == AccessLevel.Operator).Select(r => r.Name),
    ];

    /// <summary>Whether <paramref name="functionName"/> names an operator function this gate guards.</summary>
    public static bool Guards(string functionName) => Guarded.Contains(functionName);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (Guards(context.FunctionDefinition.Name))
        {
            var http = context.GetHttpContext()
                ?? throw new InvalidOperationException(
                    $"Operator function {context.FunctionDefinition.Name} has no " + "HTTP request to authenticate."
                );
            if (authentication.Authenticate(http) is { } refused)
            {
                await refused.ExecuteAsync(http);
                return;
            }
        }

        await next(context);
    }
}
