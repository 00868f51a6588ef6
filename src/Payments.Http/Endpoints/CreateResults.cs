using Microsoft.AspNetCore.Http;
using Payments.Core.Orders;

namespace Payments.Http.Endpoints;

/// <summary>How a create request's outcome is answered, the same for every provider.</summary>
public static class CreateResults
{
    public static IResult From(CreateOutcome outcome, string provider, object view)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var order = outcome.Order;
        var extensions = Extensions(order, outcome.ProviderCode);

        return outcome.Kind switch
        {
            CreateOutcomeKind.Created => Results.Created(ApiRoutes.GetOrder.PathWith(order.Id), view),
            CreateOutcomeKind.Repeated => Results.Ok(view),
            CreateOutcomeKind.Conflict => Problem(
                StatusCodes.Status409Conflict,
                "Order id already used",
                "An order with this id exists with different content, or the operation was already done under "
                    + "another id.",
                extensions
            ),
            CreateOutcomeKind.InProgress => Problem(
                StatusCodes.Status409Conflict,
                "Request in progress",
                "The first request for this order id is still running; retry shortly.",
                extensions
            ),
            CreateOutcomeKind.NotAllowed => Problem(
                StatusCodes.Status409Conflict,
                "Not allowed in the order's state",
                $"Order '{order.Id}' is {order.Status}.",
                extensions
            ),
            CreateOutcomeKind.Rejected => Problem(
                StatusCodes.Status502BadGateway,
                $"{provider} refused the order",
                order.LastError?.Value,
                extensions
            ),
            _ => Problem(
                StatusCodes.Status502BadGateway,
                $"{provider} did not answer",
                "The order may or may not exist there; send the same request again to resolve it. It is Unknown, "
                    + "never reported as created.",
                extensions
            ),
        };
    }

    /// <summary>
    /// What every problem about an order carries: its id, our status and the provider's error code if any.
    /// </summary>
    public static Dictionary<string, object?> Extensions(PaymentOrder order, string? providerCode)
    {
        ArgumentNullException.ThrowIfNull(order);
        var extensions = new Dictionary<string, object?>
        {
            ["orderId"] = order.Id,
            ["status"] = order.Status.ToString(),
        };
        if (providerCode is not null)
        {
            extensions["providerCode"] = providerCode;
        }

        return extensions;
    }

    private static IResult Problem(int status, string title, string? detail, Dictionary<string, object?> extensions) =>
        Results.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);
}
