namespace Payments.Client.Models;

/// <summary>
/// The payer and card fields HaiPay takes for a collection or a subscription. The card number, expiry and CVV go to
/// the service over TLS and are never stored there: only the last four digits are kept.
/// </summary>
public abstract record CardPayment
{
    /// <summary>ISO currency of a configured HaiPay account; default USD.</summary>
    public string? Currency { get; init; }

    /// <summary>The amount, sent as decimal text with two decimals (<c>"12.50"</c>).</summary>
    public required decimal Amount { get; init; }

    /// <summary>A first and a last name separated by a space.</summary>
    public required string Name { get; init; }

    public required string Email { get; init; }

    /// <summary>ISO 3166 two-letter country code.</summary>
    public string? Country { get; init; }

    /// <summary>Local phone number in the country's format.</summary>
    public string? Phone { get; init; }

    /// <summary>WEB, WAP, APP, MINIAPP or OTHERS.</summary>
    public required string ClientType { get; init; }

    /// <summary>The card number (Luhn-checked).</summary>
    public required string AccountNo { get; init; }

    /// <summary>Two digits, 01-12.</summary>
    public required string ExpiryMonth { get; init; }

    /// <summary>Four digits.</summary>
    public required string ExpiryYear { get; init; }

    /// <summary>Three or four digits.</summary>
    public required string Cvv { get; init; }

    /// <summary>The page the customer pays from (http or https URL).</summary>
    public required string Referer { get; init; }

    /// <summary>Where HaiPay sends the customer after 3-D Secure (http or https URL).</summary>
    public required string CallBackUrl { get; init; }

    public required string UserAgent { get; init; }

    /// <summary>The customer's public IP address.</summary>
    public required string CustomerIp { get; init; }

    /// <summary>What is being paid for.</summary>
    public required string Subject { get; init; }

    /// <summary>Longer description.</summary>
    public string? Body { get; init; }

    /// <summary>Your id of the customer: letters, digits and -~!@#$%&amp;*()_.</summary>
    public required string PartnerUserId { get; init; }

    /// <summary>The card number is never printed, not even by a log of this record.</summary>
    protected virtual bool PrintMembers(System.Text.StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append("Amount = ").Append(Amount).Append(", Currency = ").Append(Currency);
        return true;
    }
}
