using Payments.Core.Orders;

namespace Payments.Core.Reconciliation;

/// <summary>
/// Compares our side of an order with the provider's: status by what it means for money (open, succeeded, failed,
/// active, canceled; an order waiting for a person, or one we let expire, while the provider still has it open is no
/// difference), the amount, and for a success what was received and the fee (our fee absent counts as zero).
/// </summary>
public static class ReconciliationComparison
{
    public static ReconciledSide Ours(PaymentOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new ReconciledSide(order.Status.ToString(), order.Amount, order.ReceivedAmount, order.Fee);
    }

    /// <summary>The fields that differ (<c>status</c>, <c>amount</c>, <c>receivedAmount</c>, <c>fee</c>).</summary>
    public static IReadOnlyList<string> Differences(ReconciledSide ours, ReconciledSide theirs)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(theirs);
        var fields = new List<string>();
        var (ourClass, theirClass) = (Class(ours.Status), Class(theirs.Status));
        var stillOpen = theirClass == "open" && (ourClass == "review" || ours.Status == nameof(OrderStatus.Expired));
        if (ourClass != theirClass && !stillOpen)
        {
            fields.Add("status");
        }

        if (ours.Amount is { } a && theirs.Amount is { } b && a != b)
        {
            fields.Add("amount");
        }

        if (theirClass == "succeeded")
        {
            if (theirs.ReceivedAmount is { } received && received != (ours.ReceivedAmount ?? ours.Amount))
            {
                fields.Add("receivedAmount");
            }

            if ((theirs.Fee ?? 0m) != (ours.Fee ?? 0m))
            {
                fields.Add("fee");
            }
        }

        return fields;
    }

    private static string Class(string? status) =>
        Enum.TryParse<OrderStatus>(status, out var s)
            ? s switch
            {
                OrderStatus.Succeeded => "succeeded",
                OrderStatus.Failed or OrderStatus.Rejected or OrderStatus.Expired => "failed",
                OrderStatus.Active => "active",
                OrderStatus.Canceled => "canceled",
                OrderStatus.NeedsReview => "review",
                _ => "open",
            }
            : "open";
}
