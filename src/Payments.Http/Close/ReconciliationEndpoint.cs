using Microsoft.AspNetCore.Http;
using Payments.Core.Audit;
using Payments.Core.Operations;
using Payments.Core.Reconciliation;
using Payments.Http.Problems;
using Payments.Http.Security;

namespace Payments.Http.Close;

/// <summary>
/// <c>POST api/ops/reconciliation/haipay/{day}</c> (operator): reconciles the UTC day with HaiPay now, or resumes its
/// run (<c>?again=true</c>: starts a finished day over), and answers its summary; <c>GET</c>: the day's summary, 404
/// when it never ran. A malformed or future day: 400 naming it, nothing run.
/// </summary>
public sealed class ReconciliationEndpoint(
    HaiPayReconciler reconciler,
    IReconciliationLog log,
    OperatorRecords records,
    TimeProvider time
)
{
    public async Task<IResult> RunAsync(string day, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (CloseDay.Parse(day, time.GetUtcNow()) is not { Day: { } at })
        {
            return CloseDay.Invalid(day, time.GetUtcNow());
        }

        var again = request.Query["again"].ToString() is "true";
        var now = time.GetUtcNow();
        var fields = new Dictionary<string, object?>
        {
            ["source"] = HaiPayReconciler.Source,
            ["day"] = day,
            ["again"] = again,
        };
        var by = OperatorAuthentication.Current(request.HttpContext);
        await records.RecordAttemptAsync(null, AuditKinds.OperatorReconciliation, by, fields, now, cancellationToken);
        try
        {
            var run = await reconciler.RunAsync(at, again, cancellationToken);
            await records.RecordOutcomeAsync(null, AuditKinds.OperatorReconciliation, now, null, cancellationToken);
            return Results.Ok(ReconciliationRunView.From(run));
        }
        catch (ReconciliationContentionException e)
        {
            await records.RecordOutcomeAsync(
                null,
                AuditKinds.OperatorReconciliation,
                now,
                "another run of the day is advancing it",
                cancellationToken
            );
            return ApiProblem.Of(ProblemCodes.ReconciliationRunning, "Reconciliation already running", e.Message);
        }
    }

    public async Task<IResult> GetAsync(string day, CancellationToken cancellationToken)
    {
        if (CloseDay.Parse(day, time.GetUtcNow()) is not { Day: { } at })
        {
            return CloseDay.Invalid(day, time.GetUtcNow());
        }

        return await log.FindRunAsync(HaiPayReconciler.Source, at, cancellationToken) is { Run: var run }
            ? Results.Ok(ReconciliationRunView.From(run))
            : ApiProblem.Of(
                ProblemCodes.NotFound,
                "Not reconciled",
                $"HaiPay reconciliation has not run for {day}: POST to the same path runs it now."
            );
    }
}
