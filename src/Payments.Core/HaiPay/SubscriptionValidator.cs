using System.Globalization;
using System.Text.Json;
using Payments.Core.Orders;
using Payments.Core.Validation;

namespace Payments.Core.HaiPay;

/// <summary>
/// Every field of HaiPay's subscription table: the collection fields (the merchant's id is
/// <c>subscriptionOrderId</c>), <c>recurringInterval</c> D/W/M/Y, <c>recurringIntervalCount</c> 1 to
/// <see cref="MaxIntervalCount"/>, <c>retryTimes</c> 0 to <see cref="MaxRetryTimes"/> (default 3), and a period of at most
/// <see cref="MaxYears"/> years (HaiPay's longest subscription) so that it charges at least once. Whole numbers are
/// plain digits (a JSON number or a string): no sign, fraction, exponent, NaN or Infinity; each is range-checked before
/// any date arithmetic, so no value reaches a calendar overflow.
/// </summary>
public static class SubscriptionValidator
{
    public const int DefaultRetryTimes = 3;
    public const int MaxRetryTimes = 10;
    public const int MaxYears = 3;

    /// <summary>The largest count that can fit in <see cref="MaxYears"/> years (1,096 days, with a leap day); larger ones are refused before any date arithmetic.</summary>
    public const int MaxIntervalCount = 1096;

    /// <summary>A subscription request; <paramref name="keyedOrderId"/> (from the <c>Idempotency-Key</c>) stands in for an absent <c>subscriptionOrderId</c>.</summary>
    public static CreateSubscriptionCommand? Validate(JsonElement body, HaiPayOptions options, DateTimeOffset now, string? keyedOrderId, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var payment = CollectionValidator.Validate(body, options, now, errors, "subscriptionOrderId", keyedOrderId);
        if (body.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var unit = Recurrence.UnitOf(JsonFields.OptionalString(body, "recurringInterval", errors));
        errors.Check("recurringInterval", unit is null ? "must be one of D, W, M, Y" : null);
        var count = Whole(body, "recurringIntervalCount", null, errors);
        errors.Check("recurringIntervalCount", count is null or < 1 or > MaxIntervalCount ? $"must be a whole number from 1 to {MaxIntervalCount}" : null);
        var retries = Whole(body, "retryTimes", DefaultRetryTimes, errors);
        errors.Check("retryTimes", retries is null or < 0 or > MaxRetryTimes ? $"must be a whole number from 0 to {MaxRetryTimes}" : null);
        if (unit is null || count is not (>= 1 and <= MaxIntervalCount) || !errors.IsEmpty)
        {
            return null;
        }

        var recurrence = new Recurrence(unit.Value, count.Value, retries!.Value);
        errors.Check("recurringIntervalCount", recurrence.After(now) > now.AddYears(MaxYears)
            ? $"the period (interval × count) must be at most {MaxYears} years, HaiPay's longest subscription"
            : null);
        return errors.IsEmpty ? new CreateSubscriptionCommand(payment!, recurrence) : null;
    }

    /// <summary>
    /// A whole number given as a JSON number or a string of digits (HaiPay's table says String, its sample sends a
    /// number); anything else, or more digits than any allowed value has, is -1 (refused by the caller's range).
    /// </summary>
    private static int? Whole(JsonElement body, string name, int? absent, FieldErrors errors)
    {
        var text = JsonFields.StringOrNumber(body, name, errors);
        if (text is null)
        {
            return absent;
        }

        return text.Length <= 6 && text.All(char.IsAsciiDigit) ? int.Parse(text, CultureInfo.InvariantCulture) : -1;
    }
}
