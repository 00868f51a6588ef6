using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Payments.Core.Validation;

namespace Payments.Core.HaiPay;

/// <summary>
/// Every field of HaiPay's collection table (<see cref="CreateCollectionRequest"/>), checked against the limits that
/// record declares before anything is written or sent.
/// </summary>
public static partial class CollectionValidator
{
    /// <summary>
    /// A collection request. <paramref name="keyedOrderId"/> is the order id derived from the request's
    /// <c>Idempotency-Key</c>, used when the body has no <c>orderId</c>; null without the header, and then
    /// <c>orderId</c> is required (a made-up id would make a retry a second order).
    /// </summary>
    public static CreateCollectionCommand? Validate(
        JsonElement body,
        HaiPayOptions options,
        DateTimeOffset now,
        string? keyedOrderId,
        FieldErrors errors
    )
    {
        var request = JsonRequest.Read<CreateCollectionRequest>(body, errors);
        return request is null
            ? null
            : Validate(request, "orderId", request.OrderId ?? keyedOrderId, options, now, errors);
    }

    /// <summary>
    /// The fields collections and subscriptions share; the merchant's id, <paramref name="id"/>, is named
    /// <paramref name="idField"/>.
    /// </summary>
    public static CreateCollectionCommand? Validate(
        CardPaymentFields request,
        string idField,
        string? id,
        HaiPayOptions options,
        DateTimeOffset now,
        FieldErrors errors
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);

        // Read as sent: a required field the body left out is null here.
        string? name = request.Name,
            email = request.Email,
            clientType = request.ClientType;
        string? number = request.AccountNo,
            month = request.ExpiryMonth,
            year = request.ExpiryYear,
            cvv = request.Cvv;
        string? referer = request.Referer,
            callBackUrl = request.CallBackUrl,
            userAgent = request.UserAgent;
        string? customerIp = request.CustomerIp,
            subject = request.Subject,
            partnerUserId = request.PartnerUserId;
        var (country, phone, description) = (request.Country, request.Phone, request.Body);
        var currency = (request.Currency ?? HaiPayOptions.DefaultCurrency).ToUpperInvariant();

        errors.Check(idField, id is null ? FieldRules.OrderIdRequired : FieldRules.MerchantId(id));
        errors.Check(
            "currency",
            options.Accounts.ContainsKey(currency) ? null : "is not a currency this service has a HaiPay account for"
        );
        var amount = Amount(request.Amount, options, errors);
        errors.Check(
            "name",
            FieldRules.Text(name, CardPaymentFields.MaxNameLength)
                ?? (PersonName().IsMatch(name!) ? null : "must be a first and a last name separated by a space")
        );
        errors.Check(
            "email",
            FieldRules.Text(email, CardPaymentFields.MaxEmailLength)
                ?? (EmailAddress().IsMatch(email!) ? null : "must be an email address")
        );
        errors.Check(
            "country",
            country is null || FieldRules.MatchesWhole(CountryCode(), country)
                ? null
                : "must be an ISO 3166 two-letter code"
        );
        errors.Check("phone", phone is null ? null : PhoneFormats.Check(phone, country));
        errors.Check(
            "clientType",
            clientType is not null && CardPaymentFields.ClientTypes.Contains(clientType)
                ? null
                : $"must be one of {string.Join(", ", CardPaymentFields.ClientTypes)}"
        );
        errors.Check("accountNo", CardRules.Number(number));
        var (monthError, yearError) = CardRules.Expiry(month, year, now);
        errors.Check("expiryMonth", monthError);
        errors.Check("expiryYear", yearError);
        errors.Check("cvv", CardRules.Cvv(cvv));
        errors.Check("referer", FieldRules.HttpUrl(referer));
        errors.Check("callBackUrl", FieldRules.HttpUrl(callBackUrl));
        errors.Check("userAgent", FieldRules.Text(userAgent, CardPaymentFields.MaxUserAgentLength));
        errors.Check("customerIp", FieldRules.IpAddress(customerIp));
        errors.Check("subject", FieldRules.Text(subject, CardPaymentFields.MaxSubjectLength));
        errors.Check(
            "body",
            description is null ? null : FieldRules.Text(description, CardPaymentFields.MaxBodyLength)
        );
        errors.Check(
            "partnerUserId",
            partnerUserId is { Length: <= CardPaymentFields.MaxPartnerUserIdLength }
            && FieldRules.MatchesWhole(PartnerUserId(), partnerUserId)
                ? null
                : $"must be 1 to {CardPaymentFields.MaxPartnerUserIdLength} of: letters, digits, -~!@#$%&*()_"
        );

        return errors.IsEmpty
            ? new CreateCollectionCommand(
                id!,
                currency,
                amount!.Value,
                name!,
                email!,
                phone,
                country?.ToUpperInvariant(),
                clientType!,
                new CardDetails(number!, month!, year!, cvv!),
                referer!,
                callBackUrl!,
                userAgent!,
                customerIp!,
                subject!,
                description,
                partnerUserId!
            )
            : null;
    }

    private static decimal? Amount(string? text, HaiPayOptions options, FieldErrors errors)
    {
        if (text is null || !FieldRules.MatchesWhole(AmountText(), text))
        {
            errors.Check("amount", "must be a USD amount written with exactly two decimals, e.g. \"12.50\"");
            return null;
        }

        var amount = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (amount < options.MinAmount || amount > options.MaxAmount)
        {
            errors.Check("amount", $"must be between {options.MinAmount:0.00} and {options.MaxAmount:0.00}");
            return null;
        }

        return amount;
    }

    [GeneratedRegex(CardPaymentFields.AmountPattern, RegexOptions.ECMAScript)]
    private static partial Regex AmountText();

    [GeneratedRegex(@"^[\p{L}][\p{L}\p{M}'.\-]*( [\p{L}][\p{L}\p{M}'.\-]*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex PersonName();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    [GeneratedRegex(CardPaymentFields.CountryPattern, RegexOptions.ECMAScript)]
    private static partial Regex CountryCode();

    [GeneratedRegex(CardPaymentFields.PartnerUserIdPattern, RegexOptions.ECMAScript)]
    private static partial Regex PartnerUserId();
}
