using System.Text.Json;
using Payments.Core.Validation;

namespace Payments.Core.HaiPay;

/// <summary>
/// Which order a HaiPay notification is about, read before its signature is checked (it picks the keys and, for an
/// unverified one, what to ask HaiPay). Subscription notifications' fields are not published: one carrying
/// <c>subscriptionOrderId</c> or <c>subscriptionNo</c> is about a subscription (our id, or HaiPay's number for it:
/// either names it, and when both are given they must name the same one), and a charge when it also carries
/// <c>orderNo</c> (or
/// <c>orderId</c>, which then needs <c>orderNo</c> beside it). Without a well-formed order id or a <c>sign</c> it is
/// malformed (400, nothing recorded, nothing asked): only a signed-looking message about a possible order of ours is
/// worth an audit row and a query.
/// </summary>
/// <param name="OrderId">Our id for the order as the message gives it; empty when it names a subscription only by
/// <paramref name="SubscriptionNo"/>.</param>
/// <param name="IsSubscription">About a subscription or one of its charges.</param>
/// <param name="ChargeNo">HaiPay's number for the charge (<c>orderNo</c>), when the message is about one.</param>
/// <param name="SubscriptionNo">HaiPay's number for the subscription, when given.</param>
/// <param name="Errors">What makes the message malformed; null when it is not.</param>
public sealed record NotificationMessage(
    string OrderId,
    bool IsSubscription,
    string? ChargeNo,
    string? SubscriptionNo,
    FieldErrors? Errors
)
{
    /// <summary>How the message names its order, for logs: our id, or HaiPay's subscription number.</summary>
    public string Named => OrderId.Length > 0 || SubscriptionNo is null ? OrderId : $"subscriptionNo {SubscriptionNo}";

    public static NotificationMessage Read(JsonElement body)
    {
        var errors = new FieldErrors();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be a JSON object");
            return new NotificationMessage(string.Empty, false, null, null, errors);
        }

        var subscription = HaiPayEnvelope.Scalar(body, "subscriptionOrderId");
        var subscriptionNo = HaiPayEnvelope.Scalar(body, "subscriptionNo");
        var isSubscription = subscription is not null || subscriptionNo is not null;
        var byNumberOnly =
            isSubscription && string.IsNullOrEmpty(subscription) && !string.IsNullOrEmpty(subscriptionNo);
        var idField = isSubscription ? "subscriptionOrderId" : "orderId";
        var id = isSubscription ? subscription : HaiPayEnvelope.Scalar(body, "orderId");
        var chargeNo = isSubscription ? HaiPayEnvelope.Scalar(body, "orderNo") : null;
        errors.Check(
            idField,
            byNumberOnly ? null
                : string.IsNullOrEmpty(id) ? "is required" + (isSubscription ? " (or subscriptionNo)" : string.Empty)
                : FieldRules.OrderId(id)
        );
        errors.Check(
            "subscriptionNo",
            string.IsNullOrEmpty(subscriptionNo) ? null : FieldRules.OrderId(subscriptionNo)
        );
        errors.Check("sign", HaiPayEnvelope.Scalar(body, "sign") is { Length: > 0 } ? null : "is required");
        errors.Check(
            "orderNo",
            isSubscription && chargeNo is null && HaiPayEnvelope.Scalar(body, "orderId") is not null
                ? "is required for a subscription charge"
                : null
        );
        return new NotificationMessage(
            byNumberOnly ? string.Empty : id ?? string.Empty,
            isSubscription,
            string.IsNullOrEmpty(chargeNo) ? null : chargeNo,
            string.IsNullOrEmpty(subscriptionNo) ? null : subscriptionNo,
            errors.IsEmpty ? null : errors
        );
    }
}
