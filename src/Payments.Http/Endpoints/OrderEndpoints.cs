using Microsoft.AspNetCore.Http;
using Payments.Core.Orders;

namespace Payments.Http.Endpoints;

/// <summary>Order reads shared by both providers.</summary>
public sealed class OrderEndpoints(IOrderRepository orders)
{
    public async Task<IResult> GetAsync(string id, CancellationToken cancellationToken)
    {
        var order = await orders.FindAsync(id, cancellationToken);
        return order is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Order not found", detail: $"No order has the id '{id}'.")
            : Results.Ok(OrderView.From(order.Value));
    }
}
