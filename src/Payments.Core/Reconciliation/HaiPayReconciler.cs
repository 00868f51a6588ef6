using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Core.HaiPay;
using Payments.Core.Orders;
using Payments.Core.Text;

namespace Payments.Core.Reconciliation;

/// <summary>
/// Reconciles one UTC day with HaiPay: every HaiPay order whose status or amounts changed that day, then every open one
/// created longer ago than <see cref="ReconciliationOptions.StaleAfter"/>, each asked about once (its signed status
/// query) and compared (<see cref="ReconciliationComparison"/>). A difference is recorded with both sides for a person,
/// and the signed answer is applied as the poller applies it: an open order moves on, a final one it contradicts is
/// flagged, never changed. The run's checkpoint is saved after each order (a crash resumes after the last one
/// finished, so no order is asked twice in a run), queries are paced by the clock, and the summary is the run itself.
/// </summary>
public sealed partial class HaiPayReconciler(
    IOrderRepository orders,
    IReconciliationLog log,
    HaiPayChecker checker,
    OrderUpdater updater,
    IOptionsMonitor<ReconciliationOptions> options,
    IOptionsMonitor<HaiPayOptions> haiPay,
    IOptionsMonitor<CustomerLinkOptions> links,
    ReconciliationPace pace,
    TimeProvider time,
    ILogger<HaiPayReconciler> logger
)
{
    public const string Source = ReconciliationDifference.HaiPayQuery;
    public const string ChangedPhase = "changed";
    public const string OpenPhase = "open";
    public const string DonePhase = "done";

    /// <summary>
    /// Runs (or resumes) the day; a finished day is answered as it was unless <paramref name="again"/>, which starts it
    /// over (differences already listed are replaced, not repeated).
    /// </summary>
    public async Task<ReconciliationRun> RunAsync(DateOnly day, bool again, CancellationToken cancellationToken)
    {
        var found = await log.FindRunAsync(Source, day, cancellationToken);
        if (found is { Run.IsDone: true } && !again)
        {
            return found.Value.Run;
        }

        if (found is { Run: { IsDone: false, LeaseUntil: { } lease } } && lease > time.GetUtcNow())
        {
            throw new ReconciliationContentionException(Source, day);
        }

        var run = found is { Run.IsDone: false } open
            ? open.Run
            : new ReconciliationRun
            {
                Source = Source,
                Day = day,
                StartedAt = time.GetUtcNow(),
                Phase = ChangedPhase,
            };
        var version = await SaveAsync(run, found?.Version, cancellationToken);
        if (run.Phase == ChangedPhase)
        {
            await foreach (
                var changed in orders.FindChangedAsync(PaymentProvider.HaiPay, day, run.Cursor, cancellationToken)
            )
            {
                run = Count(run, await ReconcileAsync(day, changed.OrderId, cancellationToken)) with
                {
                    Cursor = changed.Key,
                };
                version = await SaveAsync(run, version, cancellationToken);
            }

            run = run with { Phase = OpenPhase, Cursor = null };
            version = await SaveAsync(run, version, cancellationToken);
        }

        if (run.Phase == OpenPhase)
        {
            foreach (var orderId in await OpenOrdersAsync(day, run.Cursor, cancellationToken))
            {
                run = Count(run, await ReconcileAsync(day, orderId, cancellationToken)) with { Cursor = orderId };
                version = await SaveAsync(run, version, cancellationToken);
            }
        }

        run = run with { Phase = DonePhase, Cursor = null, FinishedAt = time.GetUtcNow() };
        await SaveAsync(run, version, cancellationToken, final: true);
        LogFinished(logger, day, run.Checked, run.Matched, run.Different, run.Unanswered);
        return run;
    }

    /// <summary>
    /// Open HaiPay orders created before the stale limit, in id order after <paramref name="after"/>, leaving out those
    /// the changed phase already asked about.
    /// </summary>
    private async Task<IReadOnlyList<string>> OpenOrdersAsync(
        DateOnly day,
        string? after,
        CancellationToken cancellationToken
    )
    {
        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        var asked = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var changed in orders.FindChangedAsync(PaymentProvider.HaiPay, day, null, cancellationToken))
        {
            asked.Add(changed.OrderId);
        }

        var open = new List<string>();
        await foreach (
            var due in orders.FindDueAsync(
                PaymentProvider.HaiPay,
                now.AddYears(10),
                settings.MaxOpenPerRun,
                cancellationToken
            )
        )
        {
            if (due.Value.CreatedAt <= now - settings.StaleAfter && !asked.Contains(due.Value.Id))
            {
                open.Add(due.Value.Id);
            }
        }

        return
        [
            .. open.Where(id => string.CompareOrdinal(id, after ?? string.Empty) > 0).Order(StringComparer.Ordinal),
        ];
    }

    private async Task<ReconcileOutcome> ReconcileAsync(
        DateOnly day,
        string orderId,
        CancellationToken cancellationToken
    )
    {
        if (
            await orders.FindAsync(orderId, cancellationToken)
            is not { Value: { Provider: PaymentProvider.HaiPay } order }
        )
        {
            return ReconcileOutcome.Skipped;
        }

        await pace.WaitAsync(options.CurrentValue.QueriesPerSecond, cancellationToken);
        var reply = await checker.QueryAsync(order, cancellationToken);
        var ours = ReconciliationComparison.Ours(order);
        switch (reply)
        {
            case HaiPayReply.Ok ok:
                var verdict = HaiPayVerdicts.Read(ok.Data, order);
                var theirs = new ReconciledSide(
                    verdict.Outcome.ToString(),
                    HaiPayEnvelope.Money(ok.Data, "amount"),
                    verdict.ReceivedAmount,
                    verdict.Fee
                );
                var fields = ReconciliationComparison.Differences(ours, theirs);
                if (fields.Count == 0)
                {
                    return ReconcileOutcome.Matched;
                }

                await RecordAsync(day, order, ours, theirs, fields, cancellationToken);
                var rules = links.CurrentValue;
                await updater.UpdateAsync(
                    order.Id,
                    (o, now) => HaiPayVerdicts.ApplyQueried(o, ok.Data, rules, now),
                    cancellationToken
                );
                return ReconcileOutcome.Different;
            case HaiPayReply.Refused refused
                when haiPay.CurrentValue.EffectiveOrderNotFoundErrors.Contains(refused.Error)
                    && order.Status is not (OrderStatus.Created or OrderStatus.Unknown):
                await RecordAsync(day, order, ours, null, ["presence"], cancellationToken);
                return ReconcileOutcome.Different;
            default:
                LogUnanswered(logger, order.Id, Describe(reply));
                return ReconcileOutcome.Unanswered;
        }
    }

    private Task RecordAsync(
        DateOnly day,
        PaymentOrder order,
        ReconciledSide ours,
        ReconciledSide? theirs,
        IReadOnlyList<string> fields,
        CancellationToken cancellationToken
    ) =>
        log.RecordAsync(
            new ReconciliationDifference(
                day,
                Source,
                order.Id,
                order.Provider,
                order.Currency,
                ours,
                theirs,
                fields,
                time.GetUtcNow()
            ),
            cancellationToken
        );

    /// <summary>
    /// Saves the checkpoint, renewing the runner's lease (none once final): long enough for one order's query, its
    /// wait for a pace slot and its writes.
    /// </summary>
    private async Task<string> SaveAsync(
        ReconciliationRun run,
        string? version,
        CancellationToken cancellationToken,
        bool final = false
    )
    {
        var perSecond = options.CurrentValue.QueriesPerSecond;
        var slot = perSecond > 0 ? TimeSpan.FromSeconds(3 / perSecond) : TimeSpan.Zero;
        var lease = final ? (DateTimeOffset?)null : time.GetUtcNow() + MinimumLease + slot;
        return await log.TrySaveRunAsync(run with { LeaseUntil = lease }, version, cancellationToken)
            ?? throw new ReconciliationContentionException(run.Source, run.Day);
    }

    private static readonly TimeSpan MinimumLease = TimeSpan.FromMinutes(2);

    /// <summary>The run with one more order counted: every order asked about is checked and cost one query.</summary>
    private static ReconciliationRun Count(ReconciliationRun run, ReconcileOutcome outcome)
    {
        if (outcome == ReconcileOutcome.Skipped)
        {
            return run;
        }

        var asked = run with { Checked = run.Checked + 1, Queries = run.Queries + 1 };
        return outcome switch
        {
            ReconcileOutcome.Matched => asked with { Matched = run.Matched + 1 },
            ReconcileOutcome.Different => asked with { Different = run.Different + 1 },
            _ => asked with { Unanswered = run.Unanswered + 1 },
        };
    }

    private static string Describe(HaiPayReply reply) =>
        reply switch
        {
            HaiPayReply.Refused r => $"refused {r.Error}",
            HaiPayReply.Unavailable u => u.Reason,
            _ => reply.GetType().Name,
        };

    private enum ReconcileOutcome
    {
        Skipped,
        Matched,
        Different,
        Unanswered,
    }

    // Event ids 1100-1199 (see LogEventIds).
    [LoggerMessage(
        EventId = 1100,
        Level = LogLevel.Information,
        Message = "HaiPay reconciliation of {Day}: {Checked} checked, {Matched} matched, {Different} different, "
            + "{Unanswered} unanswered"
    )]
    private static partial void LogFinished(
        ILogger logger,
        DateOnly day,
        int @checked,
        int matched,
        int different,
        int unanswered
    );

    [LoggerMessage(
        EventId = 1101,
        Level = LogLevel.Warning,
        Message = "HaiPay did not answer about order {OrderId} during reconciliation: {Reason}"
    )]
    private static partial void LogUnanswered(ILogger logger, string orderId, string reason);
}

/// <summary>Another runner advanced the same day's reconciliation first: this one stops (the other goes on).</summary>
public sealed class ReconciliationContentionException(string source, DateOnly day)
    : Exception($"Another run of {source} for {day:yyyy-MM-dd} is advancing it.");
