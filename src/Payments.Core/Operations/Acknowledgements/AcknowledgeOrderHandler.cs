using Microsoft.Extensions.Logging;
using Payments.Core.Audit;
using Payments.Core.Orders;

namespace Payments.Core.Operations.Acknowledgements;

/// <summary>
/// An operator has seen why a final order was flagged for a person (a success after expiry or failure, a signed
/// message contradicting it, another amount…). The order keeps its status and reason and is marked acknowledged by the
/// aggregate (<see cref="PaymentOrder.Acknowledge"/>): recorded first, then written by one compare-and-swap on the
/// version read (a change meanwhile is a conflict, so nobody acknowledges a flag they have not seen), then the outcome
/// row is written.
/// </summary>
public sealed partial class AcknowledgeOrderHandler(
    IOrderRepository orders,
    OrderUpdater updater,
    OperatorRecords records,
    TimeProvider time,
    ILogger<AcknowledgeOrderHandler> logger
)
{
    private const string RecordKind = AuditKinds.OperatorAcknowledgement;

    public async Task<AcknowledgeOrderResult> HandleAsync(
        AcknowledgeOrderCommand command,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(command);
        var found = await orders.FindAsync(command.OrderId, cancellationToken);
        if (found is null)
        {
            return new AcknowledgeOrderResult.OrderNotFound();
        }

        // Decided on the order as read before anything is recorded: nothing to acknowledge leaves no record.
        var order = found.Value;
        var now = time.GetUtcNow();
        if (!order.Acknowledge(command.By.Label, now).IsChanged)
        {
            return new AcknowledgeOrderResult.NothingToAcknowledge(order);
        }

        var fields = new Dictionary<string, object?>
        {
            ["note"] = command.Note,
            ["status"] = order.Status.ToString(),
            ["reviewReason"] = order.ReviewReason?.Name(),
            ["detail"] = order.LastError?.Value,
        };
        await records.RecordAttemptAsync(command.OrderId, RecordKind, command.By, fields, now, cancellationToken);

        var result = await updater.UpdateIfUnchangedAsync(
            found,
            (o, _) => o.Acknowledge(command.By.Label, now),
            cancellationToken
        );
        if (result is not { Kind: TransitionKind.Changed, Order: { } acknowledged })
        {
            await records.RecordOutcomeAsync(
                command.OrderId,
                RecordKind,
                now,
                "changed since it was read",
                cancellationToken
            );
            return new AcknowledgeOrderResult.ChangedMeanwhile();
        }

        await records.RecordOutcomeAsync(command.OrderId, RecordKind, now, null, cancellationToken);
        LogAcknowledged(logger, command.OrderId, order.ReviewReason?.Name(), command.By.Label);
        return new AcknowledgeOrderResult.Acknowledged(acknowledged);
    }

    [LoggerMessage(
        EventId = 7005,
        Level = LogLevel.Warning,
        Message = "Operator {Operator} acknowledged order {OrderId} flagged {Reason}"
    )]
    private static partial void LogAcknowledged(ILogger logger, string orderId, string? reason, string @operator);
}
