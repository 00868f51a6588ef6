using System.Globalization;
using System.Text.Json;
using Payments.Core.Audit;
using Payments.Core.Operations;
using Payments.Core.Text;

namespace Payments.Core.Reconciliation;

/// <summary>HuaweiPinImport: the evidence a row leaves in the audit log.</summary>
public sealed partial class HuaweiPinImport
{
    /// <summary>
    /// The row as evidence, naming who imported it: kept once per distinct row and operator (the same file imported
    /// again by the same operator adds nothing; by another, it records who else said so).
    /// </summary>
    private async Task RecordEvidenceAsync(
        string? orderId,
        DateOnly day,
        HuaweiPinExportRow row,
        OperatorPrincipal importedBy,
        CancellationToken cancellationToken
    )
    {
        var payload = JsonSerializer.Serialize(
            new Dictionary<string, string?>
            {
                ["source"] = Source,
                ["day"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["row"] = row.Row.ToString(CultureInfo.InvariantCulture),
                ["orderId"] = ProviderText.Of(row.OrderId).Value,
                ["status"] = ProviderText.Of(row.Status).Value,
                ["amount"] = row.Amount.ToString(CultureInfo.InvariantCulture),
                ["at"] = row.At.ToString("O", CultureInfo.InvariantCulture),
                ["operator"] = importedBy.Name,
                ["operatorObjectId"] = importedBy.ObjectId,
                ["authentication"] = importedBy.Authentication,
            }
        );
        var record = new AuditRecord(orderId, AuditKinds.ReconciliationEvidence, payload, time.GetUtcNow())
        {
            OnceKey = AuditRecord.OnceKeyOf(payload),
        };
        await audit.RecordAsync(record, cancellationToken);
    }
}
