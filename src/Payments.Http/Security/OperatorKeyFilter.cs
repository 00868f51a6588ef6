using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Payments.Core;
using Payments.Http.Problems;

namespace Payments.Http.Security;

/// <summary>
/// Rejects an operator call without a valid operator key in the <c>x-functions-key</c> header with 401 problem+json.
/// Function keys are not operator keys; the <c>code</c> query parameter is not read (a key in a URL ends up in logs).
/// </summary>
public sealed class OperatorKeyFilter(IOptionsMonitor<OperatorKeyOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var presented = context.HttpContext.Request.Headers[FunctionKeyFilter.HeaderName].FirstOrDefault();
        if (
            !ConfiguredKeys.IsPresented(presented)
            || !options.CurrentValue.Keys.Any(key => ConstantTime.SecretEquals(key, presented))
        )
        {
            return ApiProblem.Of(
                ProblemCodes.Unauthorized,
                "Unauthorized",
                $"An operator key is required in the '{FunctionKeyFilter.HeaderName}' header; a function key "
                    + $"does not open operator routes."
            );
        }

        return await next(context);
    }
}
