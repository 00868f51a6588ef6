using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Payments.Http.Contracts;

/// <summary>The card payment fields HaiPay collections and subscriptions share. Card data goes to HaiPay only.</summary>
public abstract record CardPaymentFields
{
    [Description("ISO currency of a configured HaiPay account; default USD.")]
    public string? Currency { get; init; }

    [Description("The amount as a string with exactly two decimals, e.g. \"12.50\".")]
    [Required, RegularExpression(@"^\d+\.\d{2}$")]
    public required string Amount { get; init; }

    [Required, StringLength(64)]
    public required string Name { get; init; }

    [Required, EmailAddress]
    public required string Email { get; init; }

    [Description("ISO 3166 two-letter country code.")]
    [StringLength(2, MinimumLength = 2)]
    public string? Country { get; init; }

    [Description("Local phone number in the country's format.")]
    public string? Phone { get; init; }

    [Description("WEB, WAP, APP, MINIAPP or OTHERS.")]
    [Required]
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
    [Required]
    public required string Referer { get; init; }

    [Description("Where HaiPay sends the customer after 3-D Secure (http or https URL).")]
    [Required]
    public required string CallBackUrl { get; init; }

    [Required, StringLength(512)]
    public required string UserAgent { get; init; }

    [Description("The customer's public IP address.")]
    [Required]
    public required string CustomerIp { get; init; }

    [Description("What is being paid for.")]
    [Required, StringLength(128)]
    public required string Subject { get; init; }

    [Description("Longer description.")]
    [StringLength(512)]
    public string? Body { get; init; }

    [Description("Your id of the customer (letters, digits, - _, at most 64).")]
    [Required, StringLength(64)]
    public required string PartnerUserId { get; init; }
}
