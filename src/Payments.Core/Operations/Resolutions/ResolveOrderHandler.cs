using Microsoft.Extensions.Logging;
using Payments.Core.Audit;
using Payments.Core.HaiPay;
using Payments.Core.Orders;

namespace Payments.Core.Operations.Resolutions;

/// <summary>
/// An operator decides an order in NeedsReview, on the provider's signed answer (asked now; it must agree and flag
/// nothing) or as a named override. The decision is recorded first (nothing is decided without its record), then
/// applied by one compare-and-swap on the very version checked (a change meanwhile is a conflict, never a decision
/// re-applied to the newer state), then its outcome row is written.
/// </summary>
public sealed partial class ResolveOrderHandler(
    IOrderRepository orders,
    OrderUpdater updater,
    HaiPayChecker checker,
    OperatorRecords records,
    TimeProvider time,
    ILogger<ResolveOrderHandler> logger
)
{
    private const string RecordKind = AuditKinds.OperatorResolution;

    public async Task<ResolveOrderResult> HandleAsync(ResolveOrderCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var found = await orders.FindAsync(command.OrderId, cancellationToken);
        if (found is null)
        {
            return new ResolveOrderResult.OrderNotFound();
        }

        var order = found.Value;
        if (Refusal(order, command) is { } refused)
        {
            return refused;
        }

        ProviderVerdict? answer = null;
        if (command.Evidence == ResolutionEvidence.ProviderAnswer)
        {
            var reply = await checker.QueryAsync(order, cancellationToken);
            if (reply is not HaiPayReply.Ok ok)
            {
                return new ResolveOrderResult.ProviderUnanswered(reply);
            }

            answer = HaiPayVerdicts.Read(ok.Data, order);
            if (Refusal(answer, command.Decision) is { } disagreed)
            {
                return disagreed;
            }
        }

        // The order's updatedAt is the record's time: the decision took effect exactly when they match.
        var decidedAt = time.GetUtcNow();
        await records.RecordAttemptAsync(
            command.OrderId,
            RecordKind,
            command.By,
            new Dictionary<string, object?>
            {
                ["note"] = command.Note,
                ["evidence"] = command.Evidence,
                ["decision"] = command.Decision.ToString(),
                ["reviewReason"] = order.ReviewReason?.Name(),
                ["providerStatus"] = answer?.RawStatus,
                ["providerAmount"] = answer?.Amount,
                ["providerReceivedAmount"] = answer?.ReceivedAmount,
                ["seenUpdatedAt"] = order.UpdatedAt,
            },
            decidedAt,
            cancellationToken
        );

        var result = await updater.UpdateIfUnchangedAsync(
            found,
            (o, _) =>
                answer is null
                    ? o.Resolve(command.Decision, null, decidedAt)
                    : o.ResolveAsProviderAnswered(command.Decision, answer, decidedAt),
            cancellationToken
        );
        if (result is not { Kind: TransitionKind.Changed, Order: { } resolved })
        {
            await records.RecordOutcomeAsync(
                command.OrderId,
                RecordKind,
                decidedAt,
                "changed since it was checked",
                cancellationToken
            );
            return new ResolveOrderResult.ChangedMeanwhile(result.Order);
        }

        await records.RecordOutcomeAsync(command.OrderId, RecordKind, decidedAt, null, cancellationToken);
        LogResolved(logger, command.OrderId, command.Decision, command.Evidence, command.By.Label);
        return new ResolveOrderResult.Resolved(resolved);
    }

    /// <summary>
    /// Why <paramref name="order"/>, as read, cannot be decided as <paramref name="command"/> asks; null when it can.
    /// </summary>
    internal static ResolveOrderResult? Refusal(PaymentOrder order, ResolveOrderCommand command)
    {
        if (order.Status != OrderStatus.NeedsReview)
        {
            return new ResolveOrderResult.NotWaiting(order.Status);
        }

        if (order.Kind == OrderKind.Subscription && command.Decision == OrderStatus.Succeeded)
        {
            return new ResolveOrderResult.SubscriptionCannotSucceed();
        }

        return command.Evidence == ResolutionEvidence.ProviderAnswer && order.Provider != PaymentProvider.HaiPay
            ? new ResolveOrderResult.NoStatusQuery()
            : null;
    }

    /// <summary>
    /// Why the provider's signed <paramref name="answer"/> does not support <paramref name="decision"/>: another
    /// outcome, or a flag for a person (amount mismatch, partial or over-collection); null when it supports it.
    /// </summary>
    internal static ResolveOrderResult? Refusal(ProviderVerdict answer, OrderStatus decision)
    {
        if (answer.Outcome != decision)
        {
            return new ResolveOrderResult.ProviderDisagrees(answer);
        }

        return answer.ReviewReason is { } flagged ? new ResolveOrderResult.ProviderFlags(answer, flagged.Name()) : null;
    }

    [LoggerMessage(
        EventId = 7001,
        Level = LogLevel.Warning,
        Message = "Operator {Operator} resolved order {OrderId} as {Decision} ({Evidence})"
    )]
    private static partial void LogResolved(
        ILogger logger,
        string orderId,
        OrderStatus decision,
        string evidence,
        string @operator
    );
}
