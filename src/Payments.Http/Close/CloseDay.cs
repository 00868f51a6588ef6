using System.Globalization;
using Microsoft.AspNetCore.Http;
using Payments.Core.Validation;
using Payments.Http.Problems;

namespace Payments.Http.Close;

/// <summary>
/// The <c>{day}</c> of the close and reconciliation routes: a UTC day, <c>yyyy-MM-dd</c>, not after today.
/// </summary>
public static class CloseDay
{
    public const string Field = "day";

    /// <summary>The day, or null with why in <see cref="FieldErrors"/>.</summary>
    public static (DateOnly? Day, FieldErrors Errors) Parse(string? day, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            errors.Add(Field, "Must be a UTC day, yyyy-MM-dd.");
            return (null, errors);
        }

        if (at > DateOnly.FromDateTime(now.UtcDateTime))
        {
            errors.Add(Field, "Must not be in the future (UTC).");
            return (null, errors);
        }

        return (at, errors);
    }

    /// <summary>The 400 naming what is wrong with <paramref name="day"/>.</summary>
    public static IResult Invalid(string? day, DateTimeOffset now) =>
        ApiProblem.Invalid(Parse(day, now).Errors.ToDictionary(), title: "The day is not valid.");
}
