using Microsoft.AspNetCore.Http;
using Payments.Core.Orders;
using Payments.Http.Problems;

namespace Payments.Http.Endpoints;

/// <summary>How a create request's outcome is answered, the same for every provider.</summary>
public static class CreateResults
{
    public static IResult From(CreateOutcome outcome, string provider, object view)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var order = outcome.Order;
        var extensions = ApiProblem.OrderMembers(order, outcome.ProviderCode);

        return outcome.Kind switch
        {
            CreateOutcomeKind.Created => Results.Created(ApiRoutes.GetOrder.PathWith(order.Id), view),
            CreateOutcomeKind.Repeated => Results.Ok(view),
            CreateOutcomeKind.Conflict => ApiProblem.Of(
                ProblemCodes.OrderIdConflict,
                "Order id already used",
                "An order with this id exists with different content, or the operation was already done under "
                    + "another id.",
                extensions
            ),
            CreateOutcomeKind.InProgress => ApiProblem.Of(
                ProblemCodes.RequestInProgress,
                "Request in progress",
                "The first request for this order id is still running; retry shortly.",
                extensions
            ),
            CreateOutcomeKind.NotAllowed => ApiProblem.Of(
                ProblemCodes.OrderStateConflict,
                "Not allowed in the order's state",
                $"Order '{order.Id}' is {order.Status}.",
                extensions
            ),
            CreateOutcomeKind.Rejected => ApiProblem.Of(
                ProblemCodes.ProviderRefused,
                $"{provider} refused the order",
                order.LastError?.Value,
                extensions
            ),
            _ => ApiProblem.Of(
                ProblemCodes.ProviderUnavailable,
                $"{provider} did not answer",
                "The order may or may not exist there; send the same request again to resolve it. It is Unknown, "
                    + "never reported as created.",
                extensions
            ),
        };
    }
}
