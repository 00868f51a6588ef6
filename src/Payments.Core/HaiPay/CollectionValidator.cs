using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Payments.Core.Validation;

namespace Payments.Core.HaiPay;

/// <summary>Every field of HaiPay's collection table, checked before anything is written or sent.</summary>
public static partial class CollectionValidator
{
    public static readonly IReadOnlyList<string> ClientTypes = ["APP", "WEB", "WAP", "MINIAPP", "OTHERS"];

    /// <summary>
    /// A collection request. <paramref name="keyedOrderId"/> is the order id derived from the request's
    /// <c>Idempotency-Key</c>, used when the body has no <c>orderId</c>; null without the header, and then
    /// <c>orderId</c> is required (a made-up id would make a retry a second order).
    /// </summary>
    public static CreateCollectionCommand? Validate(JsonElement body, HaiPayOptions options, DateTimeOffset now, string? keyedOrderId, FieldErrors errors) =>
        Validate(body, options, now, errors, "orderId", keyedOrderId);

    /// <summary>The fields collections and subscriptions share; the merchant's id is read from <paramref name="idField"/>.</summary>
    public static CreateCollectionCommand? Validate(JsonElement body, HaiPayOptions options, DateTimeOffset now, FieldErrors errors, string idField, string? keyedOrderId)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be a JSON object");
            return null;
        }

        string? Read(string name) => JsonFields.OptionalString(body, name, errors);
        var orderId = Read(idField) ?? keyedOrderId;
        var currency = (Read("currency") ?? HaiPayOptions.DefaultCurrency).ToUpperInvariant();
        var amountText = JsonFields.StringOrNumber(body, "amount", errors);
        var (name, email, phone, country) = (Read("name"), Read("email"), Read("phone"), Read("country"));
        var clientType = Read("clientType");
        var (number, month, year, cvv) = (Read("accountNo"), Read("expiryMonth"), Read("expiryYear"), Read("cvv"));
        var (referer, callBackUrl, userAgent, customerIp) = (Read("referer"), Read("callBackUrl"), Read("userAgent"), Read("customerIp"));
        var (subject, description, partnerUserId) = (Read("subject"), Read("body"), Read("partnerUserId"));

        errors.Check(idField, orderId is null ? FieldRules.OrderIdRequired : FieldRules.MerchantId(orderId));
        errors.Check("currency", options.Accounts.ContainsKey(currency) ? null : "is not a currency this service has a HaiPay account for");
        var amount = Amount(amountText, options, errors);
        errors.Check("name", Name(name));
        errors.Check("email", Email(email));
        errors.Check("country", country is null || CountryCode().IsMatch(country) ? null : "must be an ISO 3166 two-letter code");
        errors.Check("phone", phone is null ? null : PhoneFormats.Check(phone, country));
        errors.Check("clientType", clientType is not null && ClientTypes.Contains(clientType) ? null : $"must be one of {string.Join(", ", ClientTypes)}");
        errors.Check("accountNo", CardRules.Number(number));
        var (monthError, yearError) = CardRules.Expiry(month, year, now);
        errors.Check("expiryMonth", monthError);
        errors.Check("expiryYear", yearError);
        errors.Check("cvv", CardRules.Cvv(cvv));
        errors.Check("referer", FieldRules.HttpUrl(referer));
        errors.Check("callBackUrl", FieldRules.HttpUrl(callBackUrl));
        errors.Check("userAgent", FieldRules.Text(userAgent, 512));
        errors.Check("customerIp", FieldRules.IpAddress(customerIp));
        errors.Check("subject", FieldRules.Text(subject, 128));
        errors.Check("body", description is null ? null : FieldRules.Text(description, 512));
        errors.Check("partnerUserId", partnerUserId is not null && partnerUserId.Length <= 64 && PartnerUserId().IsMatch(partnerUserId)
            ? null
            : "must be 1 to 64 of: letters, digits, -~!@#$%&*()_");

        return errors.IsEmpty
            ? new CreateCollectionCommand(orderId!, currency, amount!.Value, name!, email!, phone, country?.ToUpperInvariant(),
                clientType!, new CardDetails(number!, month!, year!, cvv!), referer!, callBackUrl!, userAgent!, customerIp!, subject!, description, partnerUserId!)
            : null;
    }

    private static decimal? Amount(string? text, HaiPayOptions options, FieldErrors errors)
    {
        if (text is null || !AmountText().IsMatch(text))
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

    private static string? Name(string? value) => FieldRules.Text(value, 100) ?? (PersonName().IsMatch(value!) ? null : "must be a first and a last name separated by a space");

    private static string? Email(string? value) => FieldRules.Text(value, 254) ?? (EmailAddress().IsMatch(value!) ? null : "must be an email address");

    [GeneratedRegex(@"^\d{1,7}\.\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex AmountText();

    [GeneratedRegex(@"^[\p{L}][\p{L}\p{M}'.\-]*( [\p{L}][\p{L}\p{M}'.\-]*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex PersonName();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"^[A-Za-z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryCode();

    [GeneratedRegex(@"^[A-Za-z0-9\-~!@#$%&*()_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PartnerUserId();
}
