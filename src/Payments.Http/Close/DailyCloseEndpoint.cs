using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Payments.Core.Ledger;
using Payments.Core.Validation;
using Payments.Http.Problems;

namespace Payments.Http.Close;

/// <summary>
/// <c>GET api/ops/close/{day}</c> (operator): the UTC day's close from the ledger, as JSON or, with
/// <c>format=csv</c>, as CSV (one line per provider and currency). A day that is not <c>yyyy-MM-dd</c>, or lies in the
/// future, or a format other than json or csv: 400 naming the field, nothing read.
/// </summary>
public sealed class DailyCloseEndpoint(LedgerBook ledger, TimeProvider time)
{
    public const string CsvHeader =
        "day,provider,currency,collected,charged,refunded,fees,net,collectedCount,chargedCount,refundedCount,"
        + "flaggedCount,resolvedCount,provisional";

    public async Task<IResult> GetAsync(string day, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var errors = new FieldErrors();
        var parsed = Day(day, now, errors);
        var format = request.Query["format"].ToString();
        if (format is not ("" or "json" or "csv"))
        {
            errors.Add("format", "Must be json or csv.");
        }

        if (parsed is not { } closeDay || !errors.IsEmpty)
        {
            return ApiProblem.Invalid(errors.ToDictionary(), title: "The close request is not valid.");
        }

        var close = DailyClose.Of(await ledger.ReadAsync(closeDay, cancellationToken), now);
        return format == "csv"
            ? Results.Text(Csv(close), "text/csv; charset=utf-8", Encoding.UTF8)
            : Results.Ok(DailyCloseView.From(close));
    }

    /// <summary>The close as CSV: the header, then one line per provider and currency, amounts invariant.</summary>
    public static string Csv(DailyClose close)
    {
        ArgumentNullException.ThrowIfNull(close);
        var text = new StringBuilder(CsvHeader).Append('\n');
        foreach (var t in close.Totals)
        {
            var fields = new[]
            {
                close.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                t.Provider.ToString(),
                t.Currency,
                Invariant(t.Collected),
                Invariant(t.Charged),
                Invariant(t.Refunded),
                Invariant(t.Fees),
                Invariant(t.Net),
                Invariant(t.Counts[LedgerEntryKind.Collected]),
                Invariant(t.Counts[LedgerEntryKind.Charged]),
                Invariant(t.Counts[LedgerEntryKind.Refunded]),
                Invariant(t.Counts[LedgerEntryKind.Flagged]),
                Invariant(t.Counts[LedgerEntryKind.Resolved]),
                close.Provisional ? "true" : "false",
            };
            text.AppendJoin(',', fields).Append('\n');
        }

        return text.ToString();
    }

    private static DateOnly? Day(string day, DateTimeOffset now, FieldErrors errors)
    {
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            errors.Add("day", "Must be a UTC day, yyyy-MM-dd.");
            return null;
        }

        if (at > DateOnly.FromDateTime(now.UtcDateTime))
        {
            errors.Add("day", "Must not be in the future (UTC).");
            return null;
        }

        return at;
    }

    private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
