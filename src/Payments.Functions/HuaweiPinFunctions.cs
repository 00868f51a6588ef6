using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Payments.Http.HuaweiPin;
using static Payments.Http.Endpoints.ApiRoutes;

namespace Payments.Functions;

public sealed class HuaweiPinFunctions(HuaweiPinEndpoints huaweiPin)
{
    [Function(Names.CreateFrame)]
    public Task<IResult> CreateFrame(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Templates.CreateFrame)] HttpRequest request) =>
        huaweiPin.CreateFrameAsync(request, request.HttpContext.RequestAborted);

    [Function(Names.HuaweiPinCallback)]
    public Task<IResult> Callback(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Templates.HuaweiPinCallback)] HttpRequest request) =>
        huaweiPin.CallbackAsync(request, request.HttpContext.RequestAborted);
}
