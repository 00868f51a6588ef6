using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace Payments.Functions;

/// <summary>
/// The worker middleware every function runs through, outermost first: exceptions become problem+json
/// (<see cref="ProblemMiddleware"/>), then the anonymous provider endpoints' rate limit
/// (<see cref="RateLimitMiddleware"/>), then the operator functions' gate (<see cref="OperatorAccessMiddleware"/>:
/// who the operator is, decided once). The ASP.NET Core integration's own middleware runs outside it and executes the
/// <see cref="Microsoft.AspNetCore.Http.IResult"/> a function returns.
/// </summary>
public static class FunctionsPipeline
{
    public static FunctionExecutionDelegate Wrap(FunctionExecutionDelegate function) =>
        context =>
            Resolve<ProblemMiddleware>(context)
                .Invoke(context, c =>
                    Resolve<RateLimitMiddleware>(c)
                        .Invoke(c, o => Resolve<OperatorAccessMiddleware>(o).Invoke(o, function))
                );

    private static T Resolve<T>(FunctionContext context)
        where T : IFunctionsWorkerMiddleware => context.InstanceServices.GetRequiredService<T>();
}
