using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Payments.Http.Contracts;

/// <summary>The documented body of <c>POST /api/haipay/subscriptions</c>.</summary>
public sealed record CreateSubscriptionRequest : CardPaymentFields
{
    [Description("Your subscription id (at most 48 characters). Repeating it repeats the request. Required unless an Idempotency-Key is sent; the id is then sub_ + the first 40 hex digits of SHA-256 over the key.")]
    [StringLength(48)]
    public string? SubscriptionOrderId { get; init; }

    [Description("D, W, M or Y.")]
    [Required]
    public required string RecurringInterval { get; init; }

    [Description("Intervals between charges; interval × count is at most 3 years.")]
    [Required, Range(1, 1096)]
    public required int RecurringIntervalCount { get; init; }

    [Description("HaiPay's retries of a failed charge; default 3.")]
    [Range(0, 10)]
    public int? RetryTimes { get; init; }
}
