using Microsoft.AspNetCore.Http;
using Payments.Core.Callbacks;
using Payments.Http.Endpoints;
using Payments.Http.Problems;
using Payments.Http.Telemetry;

namespace Payments.Http.Callbacks;

/// <summary>
/// Every provider callback and notification: the body is read once (<see cref="JsonBody"/>: 415, 413, 400 naming a
/// repeated property), handed to the provider's <see cref="IInboundMessageHandler"/> inside its own trace
/// (<see cref="CallbackTrace"/>), and the handler's decision answered (<see cref="CallbackResults"/>). Both hosts run
/// their callbacks through here (the Functions app calls the same endpoint classes).
/// </summary>
public sealed class InboundMessageEndpoint(PaymentsTelemetry telemetry)
{
    public async Task<IResult> HandleAsync(
        HttpRequest request,
        IInboundMessageHandler handler,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        using var trace = CallbackTrace.Start(telemetry, handler.Provider, handler.Kind);
        try
        {
            var (document, error) = await JsonBody.ReadAsync(request, cancellationToken);
            if (error is not null)
            {
                trace.Malformed();
                return error;
            }

            using (document)
            {
                var source = request.HttpContext.Connection.RemoteIpAddress?.ToString();
                var outcome = await handler.HandleAsync(
                    new InboundMessage(document!.RootElement, source),
                    cancellationToken
                );
                trace.Handled(outcome);
                return CallbackResults.From(outcome, handler.Acknowledgement);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller hung up: nothing is answered, so nothing is counted.
            throw;
        }
        catch (Exception e)
        {
            trace.Failed(e, ServiceProblemHandler.IsUnavailable(e));
            throw;
        }
    }
}
