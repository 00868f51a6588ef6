using System.Text.Json;
using Payments.Core.Validation;

namespace Payments.Core.HaiPay;

/// <summary>
/// Which order a HaiPay notification is about, read before its signature is checked (it picks the keys and, for an
/// unverified one, what to ask HaiPay). Subscription notifications' fields are not published: one carrying
/// <c>subscriptionOrderId</c> or <c>subscriptionNo</c> is about a subscription, and a charge when it also carries
/// <c>orderNo</c> (or <c>orderId</c>, which then needs <c>orderNo</c> beside it). Without a well-formed order id or
/// a <c>sign</c> it is malformed (400, nothing recorded, nothing asked): only a signed-looking message about a
/// possible order of ours is worth an audit row and a query.
/// </summary>
public sealed record NotificationMessage(string OrderId, bool IsSubscription, string? ChargeNo, FieldErrors? Errors)
{
    public static NotificationMessage Read(JsonElement body)
    {
        var errors = new FieldErrors();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be a JSON object");
            return new NotificationMessage(string.Empty, false, null, errors);
        }

        var subscription = HaiPayEnvelope.Scalar(body, "subscriptionOrderId");
        var isSubscription = subscription is not null || HaiPayEnvelope.Scalar(body, "subscriptionNo") is not null;
        var idField = isSubscription ? "subscriptionOrderId" : "orderId";
        var id = isSubscription ? subscription : HaiPayEnvelope.Scalar(body, "orderId");
        var chargeNo = isSubscription ? HaiPayEnvelope.Scalar(body, "orderNo") : null;
        errors.Check(idField, string.IsNullOrEmpty(id) ? "is required" : FieldRules.OrderId(id));
        errors.Check("sign", HaiPayEnvelope.Scalar(body, "sign") is { Length: > 0 } ? null : "is required");
        errors.Check("orderNo", isSubscription && chargeNo is null && HaiPayEnvelope.Scalar(body, "orderId") is not null ? "is required for a subscription charge" : null);
        return new NotificationMessage(id ?? string.Empty, isSubscription, string.IsNullOrEmpty(chargeNo) ? null : chargeNo, errors.IsEmpty ? null : errors);
    }
}
