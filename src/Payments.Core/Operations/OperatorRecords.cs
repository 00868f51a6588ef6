using System.Text.Json;
using Microsoft.Extensions.Logging;
using Payments.Core.Audit;

namespace Payments.Core.Operations;

/// <summary>
/// The audit rows of every operator action: the action's own record, written BEFORE the change it asks for (payload
/// <c>outcome: attempted</c>; a failed write throws, so no change is ever made without its record), then the
/// <c>operator-outcome</c> row once the change answered (<see cref="AuditKinds.OperatorOutcome"/>).
/// </summary>
public sealed partial class OperatorRecords(IAuditLog audit, TimeProvider time, ILogger<OperatorRecords> logger)
{
    /// <summary>What an operator action's record says when it is written, before the change it asks for.</summary>
    public const string Attempted = "attempted";

    /// <summary>
    /// Writes the record of an action of <paramref name="kind"/> made at <paramref name="at"/> by
    /// <paramref name="by"/>: who (<see cref="OperatorPrincipal.AddTo"/>), <paramref name="fields"/>, then
    /// <c>outcome: attempted</c>. Throws when storage refuses it; the caller then changes nothing.
    /// </summary>
    public Task RecordAttemptAsync(
        string? orderId,
        string kind,
        OperatorPrincipal by,
        Dictionary<string, object?> fields,
        DateTimeOffset at,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(fields);
        by.AddTo(fields);
        fields["outcome"] = Attempted;
        var record = new AuditRecord(orderId, kind, JsonSerializer.Serialize(fields), at);
        return audit.RecordAsync(record, cancellationToken);
    }

    /// <summary>
    /// Appends the <c>operator-outcome</c> row of an action recorded at <paramref name="at"/>: applied
    /// (<paramref name="notApplied"/> null) or not, and why. The action's own record was written before the change, so
    /// a failure here loses no decision's record: it is logged, and the answer stays what the change came to.
    /// </summary>
    public async Task RecordOutcomeAsync(
        string? orderId,
        string of,
        DateTimeOffset at,
        string? notApplied,
        CancellationToken cancellationToken
    )
    {
        var payload = JsonSerializer.Serialize(
            new Dictionary<string, object?>
            {
                ["of"] = of,
                ["at"] = at,
                ["outcome"] = notApplied is null ? "applied" : "not-applied",
                ["reason"] = notApplied,
            }
        );
        try
        {
            await audit.RecordAsync(
                new AuditRecord(orderId, AuditKinds.OperatorOutcome, payload, time.GetUtcNow()),
                cancellationToken
            );
        }
        catch (StorageUnavailableException e)
        {
            LogOutcomeNotRecorded(logger, e, of, orderId);
        }
    }

    [LoggerMessage(
        EventId = 7004,
        Level = LogLevel.Error,
        Message = "The outcome of operator action {Action} on order {OrderId} was not recorded; the action's own "
            + "record (outcome attempted) stands for it"
    )]
    private static partial void LogOutcomeNotRecorded(
        ILogger logger,
        Exception exception,
        string action,
        string? orderId
    );
}
