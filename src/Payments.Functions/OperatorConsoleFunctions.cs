using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Payments.Http.OperatorUi;
using Payments.Http.Security;

namespace Payments.Functions;

/// <summary>
/// The operator console's page: the same bytes and headers as the Server's (<see cref="OperatorConsolePage"/>), naming
/// who is signed in where operators sign in with Entra ID.
/// </summary>
public sealed class OperatorConsoleFunctions(OperatorConsolePage console, OperatorAuthentication operators)
{
    [Function("OperatorConsole")]
    public Task<IResult> OperatorConsole(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/console")] HttpRequest request
    ) => Task.FromResult(console.Result(operators, request.HttpContext));
}
