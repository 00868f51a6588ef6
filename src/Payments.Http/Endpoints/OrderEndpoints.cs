using Microsoft.AspNetCore.Http;
using Payments.Core.HaiPay;
using Payments.Core.Orders;
using Payments.Http.Idempotency;
using Payments.Http.Problems;

namespace Payments.Http.Endpoints;

/// <summary>Order reads shared by both providers, and an on-demand status check.</summary>
public sealed class OrderEndpoints(IOrderRepository orders, SyncOrderHandler syncs, IdempotentRequests idempotency)
{
    public async Task<IResult> GetAsync(string id, CancellationToken cancellationToken)
    {
        var order = await orders.FindAsync(id, cancellationToken);
        return order is null ? OrderProblems.NotFound(id) : Results.Ok(OrderView.From(order.Value));
    }

    /// <summary>Asks the provider once, now, and applies its answer. HUAWEIPIN has no query: 409.</summary>
    public Task<IResult> SyncAsync(string id, HttpRequest request, CancellationToken cancellationToken) =>
        idempotency.RunAsync(request, () => SyncAsync(id, cancellationToken), cancellationToken);

    private async Task<IResult> SyncAsync(string id, CancellationToken cancellationToken) =>
        await syncs.HandleAsync(id, cancellationToken) switch
        {
            SyncOrderResult.Checked found => Results.Ok(OrderView.From(found.Order)),
            SyncOrderResult.NoQuery => ApiProblem.Of(
                ProblemCodes.NoProviderQuery,
                "No status query for this provider",
                "HUAWEIPIN publishes no status query; its callback is the only source of truth."
            ),
            _ => OrderProblems.NotFound(id),
        };
}
