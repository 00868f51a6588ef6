using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Payments.Core.Validation;

namespace Payments.Core.HaiPay;

/// <summary>The documented body of <c>POST /api/haipay/subscriptions</c>.</summary>
/// <remarks>Read as sent (<see cref="JsonRequest"/>); <see cref="SubscriptionValidator"/> checks it.</remarks>
public sealed record CreateSubscriptionRequest : CardPaymentFields
{
    /// <summary>The prefix of a subscription id derived from the request's <c>Idempotency-Key</c>.</summary>
    public const string KeyedIdPrefix = "sub_";

    public const int MaxRetryTimes = 10;

    /// <summary>
    /// The largest count that can fit in <see cref="SubscriptionValidator.MaxYears"/> years (1,096 days, with a leap
    /// day); larger ones are refused before any date arithmetic.
    /// </summary>
    public const int MaxIntervalCount = 1096;

    [Description(
        "Your subscription id (at most 48 characters). Repeating it repeats the request. Required unless an "
            + "Idempotency-Key is sent; the id is then sub_ + the first 40 hex digits of SHA-256 over the key."
    )]
    [StringLength(FieldRules.MaxOrderIdLength, MinimumLength = 1)]
    public string? SubscriptionOrderId { get; init; }

    [Description("D, W, M or Y.")]
    [Required, AllowedValues("D", "W", "M", "Y")]
    public required string RecurringInterval { get; init; }

    [Description("Intervals between charges; interval × count is at most 3 years.")]
    [Required, Range(1, MaxIntervalCount)]
    public required int RecurringIntervalCount { get; init; }

    [Description("HaiPay's retries of a failed charge; default 3.")]
    [Range(0, MaxRetryTimes)]
    public int? RetryTimes { get; init; }
}
