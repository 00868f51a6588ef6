using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Options;
using Payments.Core.Reconciliation;
using Payments.Core.Text;
using Payments.Core.Validation;

namespace Payments.Http.Reconciliation;

/// <summary>
/// Reads a HUAWEIPIN export (CSV, RFC 4180 quoting, UTF-8 with or without a byte order mark) streamed, never past
/// <see cref="HuaweiPinImportOptions.MaxBytes"/> nor <see cref="HuaweiPinImportOptions.MaxRows"/>, and validates all of
/// it before anything is matched: the header holds the four configured columns and only columns it knows; each row
/// has as many fields as the header, an order id seen once, a decimal amount, a status, and a time within the day.
/// Each error is named <c>row {n}.{column}</c> (the header is row 1), <c>header.{column}</c> or <c>file</c>; at most
/// <see cref="MaxErrors"/> are listed.
/// </summary>
public sealed class HuaweiPinExportReader(IOptionsMonitor<HuaweiPinImportOptions> options)
{
    public const int MaxErrors = 50;

    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public async Task<(IReadOnlyList<HuaweiPinExportRow>? Rows, FieldErrors Errors)> ReadAsync(
        Stream body,
        DateOnly day,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(body);
        var settings = options.CurrentValue;
        var errors = new Errors();
        await using var capped = new CappedStream(body, settings.MaxBytes);
        using var text = new StreamReader(capped, new UTF8Encoding(true, throwOnInvalidBytes: true), false);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ",", DetectDelimiter = false };
        using var parser = new CsvParser(text, config);
        var rows = new List<HuaweiPinExportRow>();
        try
        {
            var names = await parser.ReadAsync() ? parser.Record ?? [] : [];
            var header = names.Length > 0 ? Header(names, settings, errors) : null;
            if (header is null)
            {
                errors.Add("file", names.Length == 0 ? "Is empty: a header row is needed." : null);
                return capped.Exceeded ? TooLarge(settings) : (null, errors.Fields);
            }

            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            while (await parser.ReadAsync())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (rows.Count + errors.Rows >= settings.MaxRows)
                {
                    errors.Add("file", $"Has more than {settings.MaxRows} rows (Reconciliation:HuaweiPin:MaxRows).");
                    break;
                }

                var row = Row(parser.Row, parser.Record ?? [], (header, names.Length), day, settings, seen, errors);
                if (row is not null)
                {
                    rows.Add(row);
                }
            }
        }
        catch (CsvHelperException e)
        {
            var at = e.Context?.Parser?.Row is > 0 and var n ? $"row {n}" : "file";
            errors.Add(at, "Is not valid CSV (RFC 4180): a quote inside an unquoted field, or a quote left open.");
        }
        catch (DecoderFallbackException)
        {
            errors.Add("file", "Is not UTF-8 text.");
        }

        return capped.Exceeded ? TooLarge(settings)
            : errors.IsEmpty ? (rows, errors.Fields)
            : (null, errors.Fields);
    }

    private static (IReadOnlyList<HuaweiPinExportRow>? Rows, FieldErrors Errors) TooLarge(
        HuaweiPinImportOptions settings
    )
    {
        var limit = new Errors();
        limit.Add("file", $"Is larger than {settings.MaxBytes} bytes (Reconciliation:HuaweiPin:MaxBytes).");
        return (null, limit.Fields);
    }

    /// <summary>
    /// The position of each configured column (order id, amount, status, time); null when any is amiss.
    /// </summary>
    private static int[]? Header(string[] names, HuaweiPinImportOptions settings, Errors errors)
    {
        var known = settings.Columns.Concat(settings.IgnoredColumns).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var at = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i].Trim();
            if (!known.Contains(name))
            {
                errors.Add(
                    $"header.{Shown(name)}",
                    "Unknown column (list it in Reconciliation:HuaweiPin:IgnoredColumns)."
                );
            }
            else if (!at.TryAdd(name, i))
            {
                errors.Add($"header.{name}", "Column repeated.");
            }
        }

        foreach (var column in settings.Columns.Where(c => !at.ContainsKey(c)))
        {
            errors.Add($"header.{column}", "Column missing (Reconciliation:HuaweiPin names the columns read).");
        }

        return errors.IsEmpty ? [.. settings.Columns.Select(c => at[c])] : null;
    }

    private static HuaweiPinExportRow? Row(
        int number,
        string[] fields,
        (int[] Columns, int Width) header,
        DateOnly day,
        HuaweiPinImportOptions settings,
        Dictionary<string, int> seen,
        Errors errors
    )
    {
        var before = errors.Count;
        if (fields.Length != header.Width)
        {
            errors.Add($"row {number}", $"Has {fields.Length} fields; the header has {header.Width}.");
            errors.Rows++;
            return null;
        }

        string Field(int column) => fields[header.Columns[column]].Trim();
        string Key(int column) => $"row {number}.{settings.Columns[column]}";
        var orderId = Field(0);
        if (orderId.Length is 0 or > 128)
        {
            errors.Add(Key(0), "Must be an order id of 1 to 128 characters.");
        }
        else if (!seen.TryAdd(orderId, number))
        {
            errors.Add(Key(0), $"Repeats the order id of row {seen[orderId]}.");
        }

        var amountOk = decimal.TryParse(
            Field(1),
            NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture,
            out var amount
        );
        if (!amountOk)
        {
            errors.Add(Key(1), "Must be a decimal amount such as 12.50 (no sign, no thousands separator).");
        }

        var status = Field(2);
        if (status.Length == 0)
        {
            errors.Add(Key(2), "Must not be empty.");
        }

        var at = Time(Field(3));
        if (at is null)
        {
            errors.Add(Key(3), "Must be a time such as 2026-11-22 14:05:00 (UTC) or 2026-11-22T14:05:00+03:00.");
        }
        else if (DateOnly.FromDateTime(at.Value.UtcDateTime) != day)
        {
            errors.Add(Key(3), $"Is not within the imported day {day:yyyy-MM-dd} (UTC).");
        }

        if (errors.Count != before)
        {
            errors.Rows++;
            return null;
        }

        var paid = settings.EffectivePaidStatuses.Contains(status, StringComparer.OrdinalIgnoreCase);
        return new HuaweiPinExportRow(number, orderId, amount, status, paid, at!.Value);
    }

    private static DateTimeOffset? Time(string text) =>
        DateTimeOffset.TryParseExact(
            text,
            TimeFormats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var at
        )
            ? at
            : null;

    /// <summary>
    /// A column name as it may appear in an error key: redacted and cut short, so a header cannot bloat the answer.
    /// </summary>
    private static string Shown(string name) => ProviderText.Of(name.Length > 40 ? name[..40] : name).Value;

    /// <summary>The errors found, at most <see cref="MaxErrors"/> listed (the rest noted under <c>file</c>).</summary>
    private sealed class Errors
    {
        private int more;

        public FieldErrors Fields { get; } = new();
        public int Count { get; private set; }
        public int Rows { get; set; }
        public bool IsEmpty => Count == 0;

        public void Add(string key, string? message)
        {
            if (message is null)
            {
                return;
            }

            Count++;
            if (Count <= MaxErrors)
            {
                Fields.Add(key, message);
                return;
            }

            more++;
            if (more == 1)
            {
                Fields.Add("file", "More errors follow; only the first ones are listed.");
            }
        }
    }
}
