using Microsoft.Extensions.Options;
using Payments.Core.Orders;

namespace Payments.Core.HaiPay;

/// <summary>
/// Creates a HaiPay card subscription like a collection: written first, the same repeat rules, never a blind second
/// apply.
/// </summary>
public sealed class CreateSubscriptionHandler(
    OrderAdmission admissions,
    HaiPayOrderCreator creator,
    HaiPayClient client,
    IOptionsMonitor<HaiPayOptions> options,
    TimeProvider time
)
{
    public async Task<CreateOutcome> HandleAsync(CreateSubscriptionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = time.GetUtcNow();
        var payment = command.Payment;
        var candidate = PaymentOrder.Create(
            new NewOrder(
                command.SubscriptionId,
                PaymentProvider.HaiPay,
                command.Fingerprint,
                options.CurrentValue.Checks.Next(0, now, now),
                payment.Amount,
                payment.Currency,
                payment.PartnerUserId,
                payment.CustomerIp,
                payment.Card.Last4,
                OrderKind.Subscription,
                Recurrence: command.Recurrence
            ),
            now
        );
        var admission = await admissions.AdmitAsync(candidate, cancellationToken);
        return await creator.CreateAsync(admission, ct => client.ApplySubscriptionAsync(command, ct));
    }
}
