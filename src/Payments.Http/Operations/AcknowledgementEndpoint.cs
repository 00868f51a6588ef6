using Microsoft.AspNetCore.Http;
using Payments.Core.Operations.Acknowledgements;
using Payments.Core.Orders;
using Payments.Http.Endpoints;
using Payments.Http.Problems;
using Payments.Http.Security;

namespace Payments.Http.Operations;

/// <summary>
/// <c>POST api/ops/orders/{orderId}/acknowledgement</c>: binds the request (<see cref="Acknowledgement.Read"/> and the
/// route's order id), calls <see cref="AcknowledgeOrderHandler"/> and answers what it came to: 200 with the order,
/// 404 unknown, 409 when there is nothing to acknowledge or the order changed since it was read.
/// </summary>
public sealed class AcknowledgementEndpoint(AcknowledgeOrderHandler acknowledgements)
{
    public Task<IResult> AcknowledgeAsync(string orderId, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var by = OperatorAuthentication.Current(request.HttpContext);
        return JsonBody.ValidatedAsync(
            request,
            "acknowledgement",
            (body, errors) =>
                OperatorRequests.WithRouteValues(errors, Acknowledgement.Read(body, by, errors), ("orderId", orderId)),
            async acknowledgement =>
            {
                var command = new AcknowledgeOrderCommand(orderId, acknowledgement.By, acknowledgement.Note);
                return Answer(orderId, await acknowledgements.HandleAsync(command, cancellationToken));
            },
            cancellationToken
        );
    }

    private static IResult Answer(string orderId, AcknowledgeOrderResult result) =>
        result switch
        {
            AcknowledgeOrderResult.Acknowledged acknowledged => Results.Ok(OrderView.From(acknowledged.Order)),
            AcknowledgeOrderResult.OrderNotFound => OrderProblems.NotFound(orderId),
            AcknowledgeOrderResult.NothingToAcknowledge { Order: var order } => OrderProblems.Conflict(
                "Nothing to acknowledge",
                order.Status == OrderStatus.NeedsReview
                    ? $"Order '{orderId}' waits for a decision (NeedsReview); resolve it instead."
                    : $"Order '{orderId}' is {order.Status}{Flag(order)}."
            ),
            AcknowledgeOrderResult.ChangedMeanwhile => OrderProblems.Conflict(
                "The order changed meanwhile",
                $"Order '{orderId}' changed while it was being acknowledged; read it again "
                    + "(its audit keeps this attempt)."
            ),
            _ => throw new ArgumentOutOfRangeException(
                nameof(result),
                result.GetType().Name,
                "A result this answer does not map."
            ),
        };

    private static string Flag(PaymentOrder order) =>
        order.ReviewAcknowledgedAt is { } at
            ? $", its flag acknowledged at {at:O}"
            : ", with no flag that needs a person";
}
