using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Payments.Core.Validation;

namespace Payments.Core.HaiPay;

/// <summary>
/// The card payment fields HaiPay collections and subscriptions share. Card data goes to HaiPay only.
/// </summary>
/// <remarks>
/// Each limit is declared once, here: the attributes document it (OpenAPI) and <see cref="CollectionValidator"/>
/// checks the same constants and attribute values. <see cref="ToString"/> never shows card data.
/// </remarks>
public abstract record CardPaymentFields
{
    public const int MaxNameLength = 100;

    /// <summary>The shortest name a first and a last name make: a letter each and a space.</summary>
    public const int MinNameLength = 3;

    public const int MaxEmailLength = 254;

    /// <summary>The shortest address <c>a@b.c</c> is.</summary>
    public const int MinEmailLength = 5;
    public const int MaxUserAgentLength = 512;
    public const int MaxSubjectLength = 128;
    public const int MaxBodyLength = 512;
    public const int MaxPartnerUserIdLength = 64;
    public const int CountryLength = 2;
    public const string AmountPattern = @"^\d{1,7}\.\d{2}$";
    public const string CountryPattern = @"^[A-Za-z]{2}$";
    public const string PartnerUserIdPattern = @"^[A-Za-z0-9\-~!@#$%&*()_]+$";

    [Description("ISO currency of a configured HaiPay account; default USD.")]
    public string? Currency { get; init; }

    [Description("The amount as a string with exactly two decimals, e.g. \"12.50\".")]
    [Required, RegularExpression(AmountPattern), StringOrNumber]
    public required string Amount { get; init; }

    [Description("A first and a last name separated by a space.")]
    [Required, StringLength(MaxNameLength, MinimumLength = MinNameLength)]
    public required string Name { get; init; }

    [Required, StringLength(MaxEmailLength, MinimumLength = MinEmailLength), EmailAddress]
    public required string Email { get; init; }

    [Description("ISO 3166 two-letter country code.")]
    [StringLength(CountryLength, MinimumLength = CountryLength), RegularExpression(CountryPattern)]
    public string? Country { get; init; }

    [Description("Local phone number in the country's format.")]
    public string? Phone { get; init; }

    [Description("WEB, WAP, APP, MINIAPP or OTHERS.")]
    [Required, AllowedValues("APP", "WEB", "WAP", "MINIAPP", "OTHERS")]
    public required string ClientType { get; init; }

    [Description("Card number (Luhn-checked). Never stored: only its last four digits are kept.")]
    [Required]
    public required string AccountNo { get; init; }

    [Description("Two digits, 01-12.")]
    [Required]
    public required string ExpiryMonth { get; init; }

    [Description("Four digits; the card must not have expired.")]
    [Required]
    public required string ExpiryYear { get; init; }

    [Description("Three or four digits. Never stored or logged.")]
    [Required]
    public required string Cvv { get; init; }

    [Description("The page the customer pays from (http or https URL).")]
    [Required, MaxLength(FieldRules.MaxUrlLength)]
    public required string Referer { get; init; }

    [Description("Where HaiPay sends the customer after 3-D Secure (http or https URL).")]
    [Required, MaxLength(FieldRules.MaxUrlLength)]
    public required string CallBackUrl { get; init; }

    [Required, StringLength(MaxUserAgentLength, MinimumLength = 1)]
    public required string UserAgent { get; init; }

    [Description("The customer's public IP address.")]
    [Required]
    public required string CustomerIp { get; init; }

    [Description("What is being paid for.")]
    [Required, StringLength(MaxSubjectLength, MinimumLength = 1)]
    public required string Subject { get; init; }

    [Description("Longer description.")]
    [StringLength(MaxBodyLength, MinimumLength = 1)]
    public string? Body { get; init; }

    [Description("Your id of the customer: letters, digits and -~!@#$%&*()_.")]
    [Required, StringLength(MaxPartnerUserIdLength, MinimumLength = 1), RegularExpression(PartnerUserIdPattern)]
    public required string PartnerUserId { get; init; }

    /// <summary>The client types HaiPay knows, as <see cref="ClientType"/>'s attribute declares them.</summary>
    public static IReadOnlyList<string> ClientTypes { get; } =
    [
        .. typeof(CardPaymentFields)
            .GetProperty(nameof(ClientType))!
            .GetCustomAttribute<AllowedValuesAttribute>()!
            .Values.Cast<string>(),
    ];

    /// <summary>Which request this is, never its card data.</summary>
    public sealed override string ToString() => GetType().Name;
}
