using Microsoft.AspNetCore.Http;

namespace Payments.Http.Security;

/// <summary>
/// The Server's gate on operator routes: <see cref="OperatorAuthentication.Authenticate"/>, answering its problem
/// (401 or 403 problem+json) with nothing done, or letting the call through with its operator known.
/// </summary>
public sealed class OperatorAccessFilter(OperatorAuthentication authentication) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return authentication.Authenticate(context.HttpContext) ?? await next(context);
    }
}
