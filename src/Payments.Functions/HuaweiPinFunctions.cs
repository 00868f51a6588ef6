using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Payments.Http.HuaweiPin;

namespace Payments.Functions;

public sealed class HuaweiPinFunctions(HuaweiPinEndpoints huaweiPin)
{
    [Function("CreateHuaweiPinFrame")]
    public Task<IResult> CreateFrame([HttpTrigger(AuthorizationLevel.Function, "post", Route = "huaweipin/frames")] HttpRequest request) =>
        huaweiPin.CreateFrameAsync(request, request.HttpContext.RequestAborted);

    [Function("HuaweiPinCallback")]
    public Task<IResult> Callback([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "huaweipin/callback")] HttpRequest request) =>
        huaweiPin.CallbackAsync(request, request.HttpContext.RequestAborted);
}
