using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Payments.Core.Orders;
using Payments.Core.Validation;

namespace Payments.Core.HaiPay;

/// <summary>
/// Every field of HaiPay's subscription table (<see cref="CreateSubscriptionRequest"/>): the collection fields (the
/// merchant's id is <c>subscriptionOrderId</c>), <c>recurringInterval</c> D/W/M/Y, <c>recurringIntervalCount</c> 1 to
/// <see cref="CreateSubscriptionRequest.MaxIntervalCount"/>, <c>retryTimes</c> 0 to
/// <see cref="CreateSubscriptionRequest.MaxRetryTimes"/> (default 3), and a period of at most <see cref="MaxYears"/>
/// years (HaiPay's longest subscription) so that it charges at least once. Whole numbers are plain digits (a JSON
/// number or a string): no sign, fraction, exponent, NaN or Infinity; each is range-checked before any date
/// arithmetic, so no value reaches a calendar overflow.
/// </summary>
public static class SubscriptionValidator
{
    public const int DefaultRetryTimes = 3;
    public const int MaxYears = 3;

    /// <summary>
    /// A subscription request; <paramref name="keyedOrderId"/> (from the <c>Idempotency-Key</c>) stands in for an
    /// absent <c>subscriptionOrderId</c>.
    /// </summary>
    public static CreateSubscriptionCommand? Validate(
        JsonElement body,
        HaiPayOptions options,
        DateTimeOffset now,
        string? keyedOrderId,
        FieldErrors errors
    )
    {
        var request = JsonRequest.Read<CreateSubscriptionRequest>(body, errors);
        return request is null ? null : Validate(request, keyedOrderId, options, now, errors);
    }

    public static CreateSubscriptionCommand? Validate(
        CreateSubscriptionRequest request,
        string? keyedOrderId,
        HaiPayOptions options,
        DateTimeOffset now,
        FieldErrors errors
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        var id = request.SubscriptionOrderId ?? keyedOrderId;
        var payment = CollectionValidator.Validate(request, "subscriptionOrderId", id, options, now, errors);

        const int MaxCount = CreateSubscriptionRequest.MaxIntervalCount;
        const int MaxRetries = CreateSubscriptionRequest.MaxRetryTimes;
        var unit = Recurrence.UnitOf(request.RecurringInterval);
        errors.Check("recurringInterval", unit is null ? $"must be one of {string.Join(", ", Units)}" : null);
        var count = request.RecurringIntervalCount;
        errors.Check("recurringIntervalCount", count is < 1 or > MaxCount ? FieldRules.WholeNumber(1, MaxCount) : null);
        var retries = request.RetryTimes ?? DefaultRetryTimes;
        errors.Check("retryTimes", retries is < 0 or > MaxRetries ? FieldRules.WholeNumber(0, MaxRetries) : null);
        if (unit is null || count is < 1 or > MaxCount || !errors.IsEmpty)
        {
            return null;
        }

        var recurrence = new Recurrence(unit.Value, count, retries);
        errors.Check(
            "recurringIntervalCount",
            recurrence.After(now) > now.AddYears(MaxYears)
                ? $"the period (interval × count) must be at most {MaxYears} years, HaiPay's longest subscription"
                : null
        );
        return errors.IsEmpty ? new CreateSubscriptionCommand(payment!, recurrence) : null;
    }

    /// <summary>The units <see cref="CreateSubscriptionRequest.RecurringInterval"/>'s attribute declares.</summary>
    private static IReadOnlyList<string> Units { get; } =
    [
        .. typeof(CreateSubscriptionRequest)
            .GetProperty(nameof(CreateSubscriptionRequest.RecurringInterval))!
            .GetCustomAttribute<AllowedValuesAttribute>()!
            .Values.Cast<string>(),
    ];
}
