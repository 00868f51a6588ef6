using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Payments.Core;
using Payments.Http.Problems;

namespace Payments.Http.Security;

/// <summary>Rejects a merchant-facing call whose function key is missing or wrong with 401 problem+json.</summary>
public sealed class FunctionKeyFilter(IOptionsMonitor<FunctionKeyOptions> options) : IEndpointFilter
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        var presented = request.Headers[HeaderName].FirstOrDefault() ?? request.Query[QueryName].FirstOrDefault();
        if (
            !ConfiguredKeys.IsPresented(presented)
            || !options.CurrentValue.Keys.Any(key => ConstantTime.SecretEquals(key, presented))
        )
        {
            return ApiProblem.Of(
                ProblemCodes.Unauthorized,
                "Unauthorized",
                $"A valid function key is required in the '{HeaderName}' header or the '{QueryName}' query "
                    + $"parameter."
            );
        }

        return await next(context);
    }
}
