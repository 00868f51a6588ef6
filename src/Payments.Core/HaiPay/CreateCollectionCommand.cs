using System.Globalization;

namespace Payments.Core.HaiPay;

/// <summary>A merchant's validated request for a card collection.</summary>
public sealed record CreateCollectionCommand(
    string OrderId,
    string Currency,
    decimal Amount,
    string Name,
    string Email,
    string? Phone,
    string? Country,
    string ClientType,
    CardDetails Card,
    string Referer,
    string CallBackUrl,
    string UserAgent,
    string CustomerIp,
    string Subject,
    string? Body,
    string PartnerUserId
)
{
    /// <summary>HaiPay wants exactly two decimals and no separators.</summary>
    public string AmountText => Amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Over everything but the card's secret parts (its last four digits stand for it).</summary>
    public string Fingerprint =>
        RequestFingerprint.Of(
            "haipay-collection",
            Currency,
            AmountText,
            Name,
            Email,
            Phone,
            Country,
            ClientType,
            Card.Last4,
            Referer,
            CallBackUrl,
            UserAgent,
            CustomerIp,
            Subject,
            Body,
            PartnerUserId
        );
}
