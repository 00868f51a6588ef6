using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Core.Telemetry;
using Payments.Core.Text;

namespace Payments.Core.HaiPay;

/// <summary>
/// HaiPay's collection, refund and subscription API: signed JSON requests, envelope replies whose <c>data</c> signature
/// is verified with the platform key. Request bodies (which carry card data) are never logged.
/// Each call names the identifiers its reply must echo: those it sent that the seed's reply tables list. A reply whose
/// <c>data</c> does not carry each of them with the value sent is about another request and no usable answer
/// (<see cref="HaiPayReply.Unavailable"/>), signed or not, so no caller has to compare them after the fact.
/// Requests are signed by the <see cref="IHaiPaySigner"/>; one that cannot be signed is never sent and is no usable
/// answer either.
/// </summary>
public sealed partial class HaiPayClient(
    HttpClient http,
    HaiPayCredentials credentials,
    IHaiPaySigner signer,
    IOptionsMonitor<HaiPayOptions> options,
    ILogger<HaiPayClient> logger,
    IPaymentsMetrics metrics
)
{
    public Task<HaiPayReply> ApplyCollectionAsync(CreateCollectionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var fields = PaymentFields(command, "orderId", "BANK_TRANSFER");
        return SendAsync(
            command.Currency,
            Prefixed(command.Currency, "collect/apply"),
            command.OrderId,
            fields,
            new Echoed("orderId"),
            cancellationToken
        );
    }

    public Task<HaiPayReply> QueryCollectionAsync(
        string currency,
        string orderId,
        string? orderNo,
        CancellationToken cancellationToken
    ) =>
        SendAsync(
            currency,
            Prefixed(currency, "collect/query"),
            orderId,
            new JsonObject { ["orderId"] = orderId, ["orderNo"] = orderNo },
            new Echoed("orderId", "orderNo"),
            cancellationToken
        );

    /// <summary>
    /// A subscription charge is a collection HaiPay made on its own, known to us by its platform number
    /// <paramref name="orderNo"/> and the <c>orderId</c> HaiPay gave it (<paramref name="haiPayOrderId"/>, as HaiPay
    /// reported it; <c>collect/query</c> marks it required). Fallback when HaiPay never reported one: <c>orderNo</c>
    /// alone [assumption: see docs/providers.md]. The reply must echo <c>orderNo</c>, the number we know the charge by.
    /// </summary>
    public Task<HaiPayReply> QueryChargeAsync(
        string currency,
        string chargeId,
        string orderNo,
        string? haiPayOrderId,
        CancellationToken cancellationToken
    ) =>
        SendAsync(
            currency,
            Prefixed(currency, "collect/query"),
            chargeId,
            new JsonObject { ["orderId"] = haiPayOrderId, ["orderNo"] = orderNo },
            new Echoed("orderNo"),
            cancellationToken
        );

    /// <summary>
    /// A full refund of the collection <paramref name="orderNo"/>, on the account of the collection's
    /// <paramref name="currency"/> (its path, appId and keys: HaiPay keeps one account per currency);
    /// <paramref name="refundId"/> is the refund's own merchant order id.
    /// </summary>
    public Task<HaiPayReply> ApplyRefundAsync(
        string currency,
        string refundId,
        string orderNo,
        CancellationToken cancellationToken
    ) =>
        SendAsync(
            currency,
            Prefixed(currency, "refund/apply"),
            refundId,
            new JsonObject { ["orderId"] = refundId, ["orderNo"] = orderNo },
            new Echoed("orderId", "orderNo"),
            cancellationToken
        );

    /// <summary>A refund's status, from the account it was applied on (its collection's currency).</summary>
    public Task<HaiPayReply> QueryRefundAsync(
        string currency,
        string refundId,
        string? refundNo,
        CancellationToken cancellationToken
    ) =>
        SendAsync(
            currency,
            Prefixed(currency, "refund/refundQuery"),
            refundId,
            new JsonObject { ["orderId"] = refundId, ["refundNo"] = refundNo },
            new Echoed("orderId"),
            cancellationToken
        );

    /// <summary>
    /// <c>/subscription/apply</c> (no currency in the path): the collection fields plus the recurrence, numbers as
    /// strings as the table says.
    /// </summary>
    public Task<HaiPayReply> ApplySubscriptionAsync(
        CreateSubscriptionCommand command,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(command);
        var fields = PaymentFields(command.Payment, "subscriptionOrderId", "SUBSCRIPTION");
        fields["recurringInterval"] = command.Recurrence.UnitCode;
        fields["recurringIntervalCount"] = command.Recurrence.Count.ToString(CultureInfo.InvariantCulture);
        fields["retryTimes"] = command.Recurrence.RetryTimes.ToString(CultureInfo.InvariantCulture);
        return SendAsync(
            command.Payment.Currency,
            "subscription/apply",
            command.SubscriptionId,
            fields,
            new Echoed("subscriptionOrderId") { UnsignedAnswers = true },
            cancellationToken
        );
    }

    /// <summary>
    /// <c>/subscription/query</c> by <paramref name="subscriptionNo"/>; before HaiPay's number is known, by our
    /// <paramref name="subscriptionId"/> [assumption, as <c>collect/query</c> accepts <c>orderId</c>].
    /// </summary>
    public Task<HaiPayReply> QuerySubscriptionAsync(
        string currency,
        string subscriptionId,
        string? subscriptionNo,
        CancellationToken cancellationToken
    ) =>
        SendAsync(
            currency,
            "subscription/query",
            subscriptionId,
            subscriptionNo is null
                ? new JsonObject { ["subscriptionOrderId"] = subscriptionId }
                : new JsonObject { ["subscriptionNo"] = subscriptionNo },
            new Echoed("subscriptionNo", "subscriptionOrderId"),
            cancellationToken
        );

    public Task<HaiPayReply> CancelSubscriptionAsync(
        string currency,
        string subscriptionId,
        string subscriptionNo,
        CancellationToken cancellationToken
    ) =>
        SendAsync(
            currency,
            "subscription/cancel",
            subscriptionId,
            new JsonObject { ["subscriptionNo"] = subscriptionNo },
            new Echoed("subscriptionNo"),
            cancellationToken
        );

    private JsonObject PaymentFields(CreateCollectionCommand command, string idField, string payType) =>
        new()
        {
            [idField] = command.OrderId,
            ["name"] = command.Name,
            ["phone"] = command.Phone,
            ["email"] = command.Email,
            ["amount"] = command.AmountText,
            ["payType"] = payType,
            ["inBankCode"] = "CREDIT_CARD",
            ["callBackUrl"] = command.CallBackUrl,
            ["notifyUrl"] = options.CurrentValue.NotifyUrl?.AbsoluteUri
                ?? throw new InvalidOperationException("HaiPay:NotifyUrl is not configured."),
            ["country"] = command.Country,
            ["currency"] = command.Currency,
            ["clientType"] = command.ClientType,
            ["accountNo"] = command.Card.Number,
            ["expiryMonth"] = command.Card.ExpiryMonth,
            ["expiryYear"] = command.Card.ExpiryYear,
            ["cvv"] = command.Card.Cvv,
            ["referer"] = command.Referer,
            ["userAgent"] = command.UserAgent,
            ["customerIp"] = command.CustomerIp,
            ["subject"] = command.Subject,
            ["body"] = command.Body,
            ["partnerUserId"] = command.PartnerUserId,
        };

    private static string Prefixed(string currency, string operation) => $"{currency.ToLowerInvariant()}/{operation}";
}
