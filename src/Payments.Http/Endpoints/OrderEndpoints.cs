using Microsoft.AspNetCore.Http;
using Payments.Core.HaiPay;
using Payments.Core.Orders;
using Payments.Http.Idempotency;
using Payments.Http.Problems;

namespace Payments.Http.Endpoints;

/// <summary>Order reads shared by both providers, and an on-demand status check.</summary>
public sealed class OrderEndpoints(IOrderRepository orders, HaiPayChecker checker, IdempotentRequests idempotency)
{
    public async Task<IResult> GetAsync(string id, CancellationToken cancellationToken)
    {
        var order = await orders.FindAsync(id, cancellationToken);
        return order is null ? OrderProblems.NotFound(id) : Results.Ok(OrderView.From(order.Value));
    }

    /// <summary>Asks the provider once, now, and applies its answer. HUAWEIPIN has no query: 409.</summary>
    public Task<IResult> SyncAsync(string id, HttpRequest request, CancellationToken cancellationToken) =>
        idempotency.RunAsync(request, () => SyncAsync(id, cancellationToken), cancellationToken);

    private async Task<IResult> SyncAsync(string id, CancellationToken cancellationToken)
    {
        var order = await orders.FindAsync(id, cancellationToken);
        if (order is null)
        {
            return OrderProblems.NotFound(id);
        }

        if (order.Value.Provider != PaymentProvider.HaiPay)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "No status query for this provider",
                detail: "HUAWEIPIN publishes no status query; its callback is the only source of truth."
            );
        }

        var checkedOrder = await checker.CheckAsync(order.Value, scheduled: false, cancellationToken);
        return Results.Ok(OrderView.From(checkedOrder.Order));
    }
}
