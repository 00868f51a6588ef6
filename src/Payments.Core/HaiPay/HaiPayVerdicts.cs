using System.Text.Json;
using Payments.Core.Orders;
using Payments.Core.Text;

namespace Payments.Core.HaiPay;

/// <summary>
/// Reads HaiPay's word about an order from query <c>data</c> or a notification. Collections: 0, 1, -1 open;
/// 2 success (amount checked against ours); 3 failed; 4 partial and 5 over-collection go to a person.
/// Refunds (statuses not published, our assumption): 2 success, 3 failed, anything else open.
/// Subscriptions: 1 processing and -1 exception open, 2 active, 3 failed, 4 canceled. A subscription charge
/// reads like a collection.
/// </summary>
public static class HaiPayVerdicts
{
    public static ProviderVerdict Read(JsonElement fields, PaymentOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var raw = HaiPayEnvelope.Scalar(fields, "status") ?? string.Empty;
        var status = ProviderText.Of(raw);
        var amount = HaiPayEnvelope.Money(fields, "amount");
        var received = HaiPayEnvelope.Money(fields, "actualAmount");
        switch (order.Kind)
        {
            case OrderKind.Refund:
                return new ProviderVerdict(
                    raw switch
                    {
                        "2" => OrderStatus.Succeeded,
                        "3" => OrderStatus.Failed,
                        _ => OrderStatus.Pending,
                    },
                    status,
                    null,
                    Note: raw == "3" ? DeclineReason(fields) : null
                );
            case OrderKind.Subscription:
                return new ProviderVerdict(
                    raw switch
                    {
                        "2" => OrderStatus.Active,
                        "3" => OrderStatus.Failed,
                        "4" => OrderStatus.Canceled,
                        _ => OrderStatus.Pending,
                    },
                    status,
                    null
                );
        }

        if (raw == "2" && UnreadableAmount(fields, amount, received) is { } unreadable)
        {
            return new ProviderVerdict(
                OrderStatus.Succeeded,
                status,
                null,
                ReviewReason.AmountMismatch,
                received ?? amount,
                ProviderText.Of(unreadable)
            );
        }

        var fee = HaiPayEnvelope.Money(fields, "fee");
        return (
            raw switch
            {
                "2" when (amount ?? order.Amount) != order.Amount || (received is { } r && r != order.Amount) =>
                    new ProviderVerdict(
                        OrderStatus.Succeeded,
                        status,
                        null,
                        ReviewReason.AmountMismatch,
                        received ?? amount
                    ),
                "2" => new ProviderVerdict(OrderStatus.Succeeded, status, null, ReceivedAmount: received ?? amount),
                "3" => new ProviderVerdict(
                    OrderStatus.Failed,
                    status,
                    null,
                    ReceivedAmount: received,
                    Note: DeclineReason(fields)
                ),
                "4" => new ProviderVerdict(
                    OrderStatus.Pending,
                    status,
                    null,
                    ReviewReason.PartialCollection,
                    received ?? amount
                ),
                "5" => new ProviderVerdict(
                    OrderStatus.Pending,
                    status,
                    null,
                    ReviewReason.OverCollection,
                    received ?? amount
                ),
                "-1" or "0" or "1" or "" => new ProviderVerdict(OrderStatus.Pending, status, null),
                _ => new ProviderVerdict(OrderStatus.Pending, status, null, ReviewReason.UnknownProviderStatus),
            }
        ) with
        {
            Fee = fee,
        };
    }

    /// <summary>Why HaiPay declined (its <c>errorMsg</c>), as untrusted text; null when it gives none.</summary>
    private static ProviderText? DeclineReason(JsonElement fields) =>
        HaiPayEnvelope.Scalar(fields, "errorMsg") is { Length: > 0 } reason ? ProviderText.Of(reason) : null;

    /// <summary>
    /// A success whose amount is absent, or whose amount or actualAmount cannot be read, is no match: the text as
    /// received, for a person.
    /// </summary>
    private static string? UnreadableAmount(JsonElement fields, decimal? amount, decimal? received)
    {
        var amountText = HaiPayEnvelope.Scalar(fields, "amount");
        var receivedText = HaiPayEnvelope.Scalar(fields, "actualAmount");
        return amount is null || (receivedText is not null && received is null)
            ? $"success with an unreadable amount: amount {Shown(amountText)}, actualAmount {Shown(receivedText)}"
            : null;
    }

    private static string Shown(string? text) =>
        text is null ? "absent" : $"'{(text.Length > 40 ? text[..40] : text)}'";

    /// <summary>
    /// Applies what HaiPay reported in a message that never carries the customer's page (a notification, a charge, a
    /// cancel reply): its reference and status; a <c>payUrl</c> in it is not read.
    /// </summary>
    public static Transition Apply(PaymentOrder order, JsonElement fields, DateTimeOffset now) =>
        Apply(order, fields, null, now);

    /// <summary>
    /// Applies what HaiPay reported: an order we had not heard back about becomes Pending with HaiPay's
    /// reference (and 3-D Secure page), then a reported status is settled or flagged. The page is read under
    /// <paramref name="links"/> (null: not read); one that is no usable link never reaches the order, which then goes
    /// to a person (<c>pay-url-unknown</c>) while HaiPay holds it open.
    /// </summary>
    public static Transition Apply(
        PaymentOrder order,
        JsonElement fields,
        CustomerLinkOptions? links,
        DateTimeOffset now
    )
    {
        ArgumentNullException.ThrowIfNull(order);
        var reference = HaiPayEnvelope.Scalar(fields, ReferenceField(order.Kind));
        var (link, unusable) = PayLink(fields, links);
        var accepted = order.Accept(reference, link ?? order.RedirectUrl, order.NextCheckAt, now);
        var applied = HaiPayEnvelope.Scalar(fields, "status") is null
            ? accepted
            : accepted.Then(o => o.Apply(Read(fields, o), now));
        return unusable ? applied.Then(o => o.FlagRedirectUnknown(UnusablePayUrl, now)) : applied;
    }

    /// <summary>
    /// Applies a status query's answer. A query never carries the page the customer pays on, so an order whose apply
    /// answer we never received (Created or Unknown, no page) that HaiPay holds open is flagged for a person
    /// (<c>pay-url-unknown</c>), never left Pending without a link. Refunds and charges have no such page. While our
    /// apply is still in flight (<see cref="PaymentOrder.IsCallInFlight"/>) its answer may yet bring the page: an open
    /// status then changes nothing.
    /// </summary>
    public static Transition ApplyQueried(
        PaymentOrder order,
        JsonElement fields,
        CustomerLinkOptions links,
        DateTimeOffset now
    )
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.IsCallInFlight(now) && Read(fields, order) is { Outcome: OrderStatus.Pending, ReviewReason: null })
        {
            return new Transition(TransitionKind.Unchanged, order);
        }

        var linkLost =
            order.Status is OrderStatus.Created or OrderStatus.Unknown
            && order.RedirectUrl is null
            && order.Kind is OrderKind.Payment or OrderKind.Subscription
            && string.IsNullOrEmpty(HaiPayEnvelope.Scalar(fields, "payUrl"));
        var applied = Apply(order, fields, links, now);
        return linkLost
            ? applied.Then(o =>
                o.FlagRedirectUnknown(
                    ProviderText.Of("HaiPay holds the order but its apply answer (with payUrl) was never received"),
                    now
                )
            )
            : applied;
    }

    /// <summary>
    /// An unsigned apply reply (the seed's <c>subscription/apply</c>): an order we had not heard back about becomes
    /// Pending with HaiPay's number and pay page, and nothing more; its status waits for a signed query or
    /// notification. A page that is no usable link under <paramref name="links"/> never reaches the order, which goes
    /// to a person (<c>pay-url-unknown</c>).
    /// </summary>
    public static Transition AcceptUnsigned(
        PaymentOrder order,
        JsonElement fields,
        CustomerLinkOptions links,
        DateTimeOffset now
    )
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(links);
        var (link, unusable) = PayLink(fields, links);
        var reference = HaiPayEnvelope.Scalar(fields, ReferenceField(order.Kind));
        var accepted = order.Accept(reference, link ?? order.RedirectUrl, order.NextCheckAt, now);
        return unusable ? accepted.Then(o => o.FlagRedirectUnknown(UnusablePayUrl, now)) : accepted;
    }

    private static readonly ProviderText UnusablePayUrl = ProviderText.Of(
        "HaiPay's payUrl is no usable link (not an absolute https address); the customer's page is unknown"
    );

    /// <summary>
    /// The reply's <c>payUrl</c> as a link; <c>Unusable</c>: it has one that the rule refuses. An absent or empty one
    /// (no 3-D Secure page) is neither.
    /// </summary>
    private static (CustomerLink? Link, bool Unusable) PayLink(JsonElement fields, CustomerLinkOptions? links)
    {
        var raw = links is null ? null : HaiPayEnvelope.Scalar(fields, "payUrl");
        if (string.IsNullOrEmpty(raw))
        {
            return (null, false);
        }

        var link = CustomerLink.From(raw, links!);
        return (link, link is null);
    }

    /// <summary>Where HaiPay puts its own number for an order of this kind.</summary>
    public static string ReferenceField(OrderKind kind) =>
        kind switch
        {
            OrderKind.Refund => "refundNo",
            OrderKind.Subscription => "subscriptionNo",
            _ => "orderNo",
        };
}
