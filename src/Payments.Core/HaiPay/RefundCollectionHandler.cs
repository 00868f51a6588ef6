using Microsoft.Extensions.Options;
using Payments.Core.Orders;
using Payments.Core.Text;

namespace Payments.Core.HaiPay;

/// <summary>
/// Full refunds of succeeded HaiPay collections. The refund is an order of its own (its id is the merchant
/// order id HaiPay sees). It is written first, then tied to the collection by compare-and-swap before
/// HaiPay is called, so concurrent requests can never refund one collection twice: a loser's refund is
/// Rejected without a provider call. A refund HaiPay refused or failed can be replaced by a new one; one HaiPay says it
/// has no record of is not replaceable (HaiPay's refund query may not find refunds by our id): it goes to a person.
/// </summary>
public sealed class RefundCollectionHandler(
    IOrderRepository orders,
    OrderUpdater updater,
    OrderAdmission admissions,
    HaiPayOrderCreator creator,
    HaiPayClient client,
    IOptionsMonitor<HaiPayOptions> options,
    TimeProvider time
)
{
    /// <summary>
    /// The refund id used when the merchant gives none: the same collection always gets the same one.
    /// </summary>
    public static string DefaultRefundId(string collectionId) =>
        "rf_" + RequestFingerprint.Of("haipay-refund-id", collectionId)[..40];

    /// <returns>Null when there is no HaiPay collection with that id.</returns>
    public async Task<CreateOutcome?> HandleAsync(RefundCollectionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var refundId = command.RefundId ?? DefaultRefundId(command.CollectionId);
        var found = await orders.FindAsync(command.CollectionId, cancellationToken);
        if (found?.Value is not { Provider: PaymentProvider.HaiPay, Kind: OrderKind.Payment } collection)
        {
            return null;
        }

        if (collection.Status != OrderStatus.Succeeded || collection.ProviderReference is null)
        {
            return new CreateOutcome(CreateOutcomeKind.NotAllowed, collection);
        }

        var now = time.GetUtcNow();
        var candidate = PaymentOrder.Create(
            new NewOrder(
                refundId,
                PaymentProvider.HaiPay,
                RequestFingerprint.Of("haipay-refund", collection.Id),
                options.CurrentValue.Checks.Next(0, now, now),
                collection.Amount,
                collection.Currency,
                Kind: OrderKind.Refund,
                ParentOrderId: collection.Id
            ),
            now
        );
        var admission = await admissions.AdmitAsync(candidate, cancellationToken);
        if (admission.Kind == AdmissionKind.Conflict)
        {
            return new CreateOutcome(CreateOutcomeKind.Conflict, admission.Order);
        }

        // The refund row is written: from here on the merchant hanging up must not leave it half done.
        var uninterrupted = CancellationToken.None;
        var replacing = await ReplaceableRefundAsync(collection, refundId, uninterrupted);
        var tied = await updater.UpdateAsync(found, (o, at) => o.RequestRefund(refundId, replacing, at), uninterrupted);
        if (tied.Kind == TransitionKind.Conflict)
        {
            if (admission.Kind == AdmissionKind.New)
            {
                var refunded = ProviderText.Of(
                    $"collection {collection.Id} is already refunded by {tied.Order!.RefundOrderId}"
                );
                await updater.UpdateAsync(admission.Stored, (o, at) => o.Reject(refunded, at), uninterrupted);
            }

            return new CreateOutcome(CreateOutcomeKind.Conflict, tied.Order!);
        }

        // The refund goes to the account that took the collection: its currency's path, appId and keys.
        var currency = collection.Currency ?? HaiPayOptions.DefaultCurrency;
        return await creator.CreateAsync(admission, ct =>
            client.ApplyRefundAsync(currency, refundId, collection.ProviderReference, ct)
        );
    }

    /// <summary>
    /// The refund currently tied to the collection, when it moved no money (refused or failed) and may be replaced.
    /// </summary>
    private async Task<string?> ReplaceableRefundAsync(
        PaymentOrder collection,
        string refundId,
        CancellationToken cancellationToken
    )
    {
        if (collection.RefundOrderId is not { } existing || existing == refundId)
        {
            return null;
        }

        var prior = await orders.FindAsync(existing, cancellationToken);
        return prior?.Value.Status is OrderStatus.Rejected or OrderStatus.Failed ? existing : null;
    }
}
