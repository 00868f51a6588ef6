using Microsoft.AspNetCore.Http;
using Payments.Core.Audit;
using Payments.Core.Orders;
using Payments.Core.Webhooks;
using Payments.Http.Problems;

namespace Payments.Http.Operations;

/// <summary>
/// <c>GET api/ops/orders/{orderId}</c> (operator): the order with its newest <see cref="AuditLimit"/> audit records
/// (read oldest first, only the newest kept in memory) and at most <see cref="WebhookLimit"/> webhook deliveries (one
/// partition read); an unknown id answers 404.
/// </summary>
public sealed class OrderDetailEndpoint(IOrderRepository orders, IAuditLog audit, IWebhookOutbox outbox)
{
    public const int AuditLimit = 50;
    public const int WebhookLimit = 20;

    public async Task<IResult> GetAsync(string orderId, CancellationToken cancellationToken)
    {
        if (await orders.FindAsync(orderId, cancellationToken) is not { Value: var order })
        {
            return OrderProblems.NotFound(orderId);
        }

        var newest = new Queue<AuditRecord>(AuditLimit);
        var auditMore = false;
        await foreach (var record in audit.ListAsync(orderId, default, cancellationToken))
        {
            if (newest.Count == AuditLimit)
            {
                newest.Dequeue();
                auditMore = true;
            }

            newest.Enqueue(record);
        }

        var (webhooks, webhooksMore) = await outbox.ListDeliveriesAsync(orderId, WebhookLimit, cancellationToken);
        return Results.Ok(OrderDetailView.From(order, [.. newest], auditMore, webhooks, webhooksMore));
    }
}
