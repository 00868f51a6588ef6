using Microsoft.Extensions.Options;
using Payments.Core.Orders;

namespace Payments.Core.HaiPay;

/// <summary>
/// Creates a HaiPay card collection: the order (with the card's last four digits only) is written before
/// <c>collect/apply</c>; the card data goes to HaiPay and nowhere else.
/// </summary>
public sealed class CreateCollectionHandler(
    OrderAdmission admissions,
    HaiPayOrderCreator creator,
    HaiPayClient client,
    IOptionsMonitor<HaiPayOptions> options,
    TimeProvider time
)
{
    public async Task<CreateOutcome> HandleAsync(CreateCollectionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = time.GetUtcNow();
        var candidate = PaymentOrder.Create(
            new NewOrder(
                command.OrderId,
                PaymentProvider.HaiPay,
                command.Fingerprint,
                options.CurrentValue.Checks.Next(0, now, now),
                command.Amount,
                command.Currency,
                command.PartnerUserId,
                command.CustomerIp,
                command.Card.Last4
            ),
            now
        );
        var admission = await admissions.AdmitAsync(candidate, cancellationToken);
        return await creator.CreateAsync(admission, ct => client.ApplyCollectionAsync(command, ct));
    }
}
