using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Payments.Core.HuaweiPin;
using Payments.Http.Callbacks;
using Payments.Http.HuaweiPin;
using static Payments.Http.Endpoints.ApiRoutes;

namespace Payments.Functions;

public sealed class HuaweiPinFunctions(
    HuaweiPinEndpoints huaweiPin,
    InboundMessageEndpoint inbound,
    HuaweiPinCallbackHandler callbacks
)
{
    [Function(Names.CreateFrame)]
    public Task<IResult> CreateFrame(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Templates.CreateFrame)] HttpRequest request
    ) => huaweiPin.CreateFrameAsync(request, request.HttpContext.RequestAborted);

    [Function(Names.HuaweiPinCallback)]
    public Task<IResult> Callback(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Templates.HuaweiPinCallback)] HttpRequest request
    ) => inbound.HandleAsync(request, callbacks, request.HttpContext.RequestAborted);
}
