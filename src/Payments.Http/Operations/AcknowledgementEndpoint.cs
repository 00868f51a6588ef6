using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Payments.Core.Audit;
using Payments.Core.Orders;
using Payments.Http.Endpoints;
using Payments.Http.Problems;

namespace Payments.Http.Operations;

/// <summary>
/// <c>POST api/ops/orders/{orderId}/acknowledgement</c>: an operator has seen why a final order was flagged for a person (a
/// success after expiry or failure, a signed message contradicting it, another amount…). The order keeps its status and
/// reason; it is marked acknowledged by one compare-and-swap on the version the operator's request read (a change meanwhile
/// answers 409, so nobody acknowledges a flag they have not seen) and leaves the needs-review listing. The audit record is
/// written first: no acknowledgement without its record.
/// </summary>
public sealed partial class AcknowledgementEndpoint(IOrderRepository orders, IAuditLog audit, TimeProvider time, ILogger<AcknowledgementEndpoint> logger)
{
    public Task<IResult> AcknowledgeAsync(string orderId, HttpRequest request, CancellationToken cancellationToken) =>
        JsonBody.ValidatedAsync(
            request,
            "acknowledgement",
            (body, errors) => OperatorRequests.WithRouteValues(errors, Acknowledgement.Read(body, errors), ("orderId", orderId)),
            acknowledgement => AcknowledgeAsync(orderId, acknowledgement, cancellationToken),
            cancellationToken);

    private async Task<IResult> AcknowledgeAsync(string orderId, Acknowledgement acknowledgement, CancellationToken cancellationToken)
    {
        var found = await orders.FindAsync(orderId, cancellationToken);
        if (found is null)
        {
            return OrderProblems.NotFound(orderId);
        }

        var order = found.Value;
        var now = time.GetUtcNow();
        var transition = order.Acknowledge(acknowledgement.Operator, now);
        if (!transition.IsChanged)
        {
            return OrderProblems.Conflict(
                "Nothing to acknowledge",
                order.Status == OrderStatus.NeedsReview
                    ? $"Order '{orderId}' waits for a decision (NeedsReview); resolve it instead."
                    : $"Order '{orderId}' is {order.Status}{(order.ReviewAcknowledgedAt is { } at ? $", its flag acknowledged at {at:O}" : ", with no flag that needs a person")}.");
        }

        await audit.RecordAsync(new AuditRecord(orderId, AuditKinds.OperatorAcknowledgement, JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["operator"] = acknowledgement.Operator,
            ["note"] = acknowledgement.Note,
            ["status"] = order.Status.ToString(),
            ["reviewReason"] = order.ReviewReason,
            ["detail"] = order.LastError?.Value,
        }), now), cancellationToken);
        if (await orders.TryReplaceAsync(found, transition.Order, cancellationToken) is null)
        {
            return OrderProblems.Conflict("The order changed meanwhile", $"Order '{orderId}' changed while it was being acknowledged; read it again (its audit keeps this attempt).");
        }

        LogAcknowledged(logger, orderId, order.ReviewReason, acknowledgement.Operator);
        return Results.Ok(OrderView.From(transition.Order));
    }

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Operator {Operator} acknowledged order {OrderId} flagged {Reason}")]
    private static partial void LogAcknowledged(ILogger logger, string orderId, string? reason, string @operator);
}
