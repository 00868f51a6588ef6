using Microsoft.Extensions.Logging;
using Payments.Core.Orders;
using Payments.Core.Text;

namespace Payments.Core.HaiPay;

/// <summary>
/// The subscription a HaiPay message names: by our <c>subscriptionOrderId</c>, or by HaiPay's <c>subscriptionNo</c>
/// alone (found through <see cref="IOrderRepository.FindHaiPaySubscriptionAsync"/>). One naming both, when they do not
/// name the same subscription, is trusted for neither.
/// </summary>
public sealed partial class NotifiedSubscriptions(IOrderRepository orders, ILogger<NotifiedSubscriptions> logger)
{
    /// <summary>
    /// The subscription the message names: by our id, or by HaiPay's number alone. When it gives both and they do not
    /// name the same subscription (the number is another's, or not the one the named subscription holds), neither is
    /// trusted:
    /// <c>Conflict</c>, with the subscription to file it under (the one named by our id, else the one HaiPay's number
    /// names).
    /// </summary>
    /// <param name="message">What the message names.</param>
    /// <param name="currency">
    /// The HaiPay account the message is from (<see cref="HaiPayCredentials.AccountOf"/>); null when none is
    /// configured.
    /// </param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<(PaymentOrder? Subscription, bool Conflict)> FindAsync(
        NotificationMessage message,
        string? currency,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(message);
        var byId =
            message.OrderId.Length > 0
                ? await orders.FindHaiPayAsync(message.OrderId, OrderKind.Subscription, cancellationToken)
                : null;
        var otherAccount =
            byId is not null
            && currency is not null
            && !string.Equals(byId.Currency, currency, StringComparison.OrdinalIgnoreCase);
        if (message.SubscriptionNo is not { } number)
        {
            return (byId, otherAccount);
        }

        var byNumber = currency is null
            ? null
            : (await orders.FindHaiPaySubscriptionAsync(currency, number, cancellationToken))?.Value;
        if (message.OrderId.Length == 0)
        {
            return (byNumber, false);
        }

        var conflict =
            otherAccount
            || (
                byId is null
                    ? byNumber is not null
                    : (byId.ProviderReference is { } known && known != number)
                        || (byNumber is not null && byNumber.Id != byId.Id)
            );
        if (conflict)
        {
            LogSubscriptionConflict(
                logger,
                ProviderText.Of(message.OrderId),
                ProviderText.Of(number),
                byId?.ProviderReference,
                byNumber?.Id
            );
        }

        return (byId ?? (conflict ? byNumber : null), conflict);
    }

    [LoggerMessage(
        EventId = 6251,
        Level = LogLevel.Warning,
        Message = "HaiPay notification names subscription {OrderId} and subscriptionNo {SubscriptionNo}, which do not "
            + "agree (HaiPay's number for the first: {Known}; subscription with that number: {Numbered}); not applied"
    )]
    private static partial void LogSubscriptionConflict(
        ILogger logger,
        ProviderText orderId,
        ProviderText subscriptionNo,
        string? known,
        string? numbered
    );
}
