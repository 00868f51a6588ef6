using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Payments.Http.OperatorUi;

namespace Payments.Functions;

/// <summary>
/// The operator console's page: the same bytes and headers as the Server's (<see cref="OperatorConsolePage"/>).
/// </summary>
public sealed class OperatorConsoleFunctions(OperatorConsolePage console)
{
    [Function("OperatorConsole")]
    public Task<IResult> OperatorConsole(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/console")] HttpRequest request
    ) => Task.FromResult(console.Result());
}
