using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Payments.Core.Reconciliation;
using Payments.Core.Validation;
using Payments.Http.Close;
using Payments.Http.Endpoints;
using Payments.Http.Problems;
using Payments.Http.Security;

namespace Payments.Http.Reconciliation;

/// <summary>
/// <c>POST api/ops/reconciliation/huaweipin/{day}</c> (operator, body <c>text/csv</c>): the HUAWEIPIN merchant panel's
/// API transaction export for that UTC day, read and validated whole (<see cref="HuaweiPinExportReader"/>) before
/// anything is matched or written (<see cref="HuaweiPinImport"/>). A day that is not <c>yyyy-MM-dd</c> or lies in the
/// future, a body over the size cap, or any bad row: 400 naming each, nothing written. Another content type: 415.
/// </summary>
public sealed class HuaweiPinImportEndpoint(
    HuaweiPinExportReader reader,
    HuaweiPinImport import,
    IOptionsMonitor<HuaweiPinImportOptions> options,
    TimeProvider time
)
{
    private const string Title = "The HUAWEIPIN export is not valid; nothing was imported.";

    public async Task<IResult> ImportAsync(string day, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsCsv(request.ContentType))
        {
            return ApiProblem.Of(
                ProblemCodes.UnsupportedMediaType,
                "Unsupported media type",
                "Send the export as text/csv."
            );
        }

        var errors = new FieldErrors();
        var (parsed, dayErrors) = CloseDay.Parse(day, time.GetUtcNow());
        if (parsed is not { } importDay)
        {
            return ApiProblem.Invalid(dayErrors.ToDictionary(), Title);
        }

        var maxBytes = options.CurrentValue.MaxBytes;
        if (request.ContentLength > maxBytes)
        {
            errors.Add("file", $"Is larger than {maxBytes} bytes (Reconciliation:HuaweiPin:MaxBytes).");
            return ApiProblem.Invalid(errors.ToDictionary(), Title);
        }

        var (rows, rowErrors) = await reader.ReadAsync(request.Body, importDay, cancellationToken);
        if (rows is null)
        {
            return ApiProblem.Invalid(rowErrors.ToDictionary(), Title);
        }

        var importedBy = OperatorAuthentication.Current(request.HttpContext);
        var summary = await import.RunAsync(importDay, rows, importedBy, cancellationToken);
        return Results.Ok(HuaweiPinImportView.From(summary));
    }

    private static bool IsCsv(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)
        && (!type.Charset.HasValue || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
}
