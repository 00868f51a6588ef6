using System.ComponentModel.DataAnnotations;

namespace Payments.Core.HuaweiPin;

/// <summary>HUAWEIPIN settings (section <c>HuaweiPin</c>). Credentials are secrets, not options.</summary>
public sealed class HuaweiPinOptions
{
    public const string Section = "HuaweiPin";

    /// <summary>Base URL of the API; GetFrame is <c>{BaseUrl}/api/v1/GetFrame</c>. Default: production.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://payment.huaweigiftcard.org");

    /// <summary>How long a GetFrame call may take before the order is Unknown. Default 15 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a frame may stay pending before it expires. Default 72 h.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan FrameLifetime { get; set; } = TimeSpan.FromHours(72);

    /// <summary>
    /// Callback <c>status</c> values meaning the money was taken (case-insensitive). Default <c>success</c>.
    /// </summary>
    public IList<string> SuccessStatuses { get; } = [];

    /// <summary>
    /// Callback <c>status</c> values meaning the payment failed (case-insensitive). Default <c>failed</c>.
    /// </summary>
    public IList<string> FailureStatuses { get; } = [];

    /// <summary>
    /// Whether the callback <c>amount</c> is in major units (<c>10.50</c>) or minor units (<c>1050</c>): not published,
    /// confirmed with HUAWEIPIN before go-live. Required, no default: a wrong guess records every gift-card payment 100
    /// times off.
    /// </summary>
    [Required(
        ErrorMessage = "Set HuaweiPin:AmountUnit to major or minor (confirm with HUAWEIPIN which one its callbacks "
            + "use)."
    )]
    [RegularExpression("^(major|minor)$", ErrorMessage = "HuaweiPin:AmountUnit must be major or minor.")]
    public string? AmountUnit { get; set; }

    /// <summary>
    /// The ISO 4217 currency of the merchant's HUAWEIPIN account, recorded with every frame (the provider sends none).
    /// Required: every order states its currency, and the daily close adds amounts per currency.
    /// </summary>
    [Required(ErrorMessage = "Set HuaweiPin:Currency to the ISO currency of the HUAWEIPIN account, e.g. USD.")]
    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "HuaweiPin:Currency must be three capital letters, e.g. USD.")]
    public string? Currency { get; set; }

    public IEnumerable<string> EffectiveSuccessStatuses => SuccessStatuses.Count > 0 ? SuccessStatuses : ["success"];

    public IEnumerable<string> EffectiveFailureStatuses => FailureStatuses.Count > 0 ? FailureStatuses : ["failed"];
}
