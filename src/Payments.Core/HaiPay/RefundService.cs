using Microsoft.Extensions.Options;
using Payments.Core.Orders;

namespace Payments.Core.HaiPay;

/// <summary>
/// Full refunds of succeeded HaiPay collections. The refund is an order of its own (its id is the merchant
/// order id HaiPay sees); the collection is tied to it by compare-and-swap first, so two requests can
/// never refund one collection twice.
/// </summary>
public sealed class RefundService(
    IOrderRepository orders,
    OrderUpdater updater,
    OrderAdmission admissions,
    HaiPayOrderCreator creator,
    HaiPayClient client,
    IOptionsMonitor<HaiPayOptions> options,
    TimeProvider time)
{
    /// <summary>The refund id used when the merchant gives none: the same collection always gets the same one.</summary>
    public static string DefaultRefundId(string collectionId) => "rf_" + RequestFingerprint.Of("haipay-refund-id", collectionId)[..40];

    /// <returns>Null when there is no HaiPay collection with that id.</returns>
    public async Task<CreateOutcome?> RefundAsync(string collectionId, string? refundId, CancellationToken cancellationToken)
    {
        refundId ??= DefaultRefundId(collectionId);
        var found = await orders.FindAsync(collectionId, cancellationToken);
        if (found?.Value is not { Provider: PaymentProvider.HaiPay, Kind: OrderKind.Payment } collection)
        {
            return null;
        }

        if (collection.Status != OrderStatus.Succeeded || collection.ProviderReference is null)
        {
            return new CreateOutcome(CreateOutcomeKind.NotAllowed, collection);
        }

        string? replacing = null;
        if (collection.RefundOrderId is { } existing && existing != refundId)
        {
            var prior = await orders.FindAsync(existing, cancellationToken);
            if (prior?.Value is { Status: not OrderStatus.Rejected } active)
            {
                return new CreateOutcome(CreateOutcomeKind.Conflict, active);
            }

            replacing = existing;
        }

        var tied = await updater.UpdateAsync(found, (o, at) => o.RequestRefund(refundId, replacing, at), cancellationToken);
        if (tied.Kind == TransitionKind.Conflict)
        {
            return new CreateOutcome(CreateOutcomeKind.Conflict, tied.Order!);
        }

        var now = time.GetUtcNow();
        var candidate = PaymentOrder.Create(
            new NewOrder(refundId, PaymentProvider.HaiPay, RequestFingerprint.Of("haipay-refund", collection.Id), options.CurrentValue.Checks.Next(0, now, now),
                collection.Amount, collection.Currency, Kind: OrderKind.Refund, ParentOrderId: collection.Id),
            now);
        var admission = await admissions.AdmitAsync(candidate, cancellationToken);
        return await creator.CreateAsync(admission, ct => client.ApplyRefundAsync(refundId, collection.ProviderReference, ct), cancellationToken);
    }
}
