using Payments.Core.Orders;

namespace Payments.Core.Audit;

/// <summary>What a provider message (HUAWEIPIN callback, HaiPay notification) did.</summary>
public static class AuditKinds
{
    public const string CallbackApplied = "callback-applied";
    public const string CallbackConflict = "callback-conflict";
    public const string CallbackUnmatched = "callback-unmatched";

    /// <summary>
    /// A verified message that changed nothing although it says something else than the order holds: an open status for
    /// an order that has since ended (a late query answer or notification). Recorded, so no verified word leaves no
    /// trace.
    /// </summary>
    public const string CallbackStale = "callback-stale";

    /// <summary>
    /// The signature did not verify: nothing was applied; the provider may have been asked instead. Kept as a summary
    /// (<see cref="UnverifiedSummary"/>), never the body.
    /// </summary>
    public const string CallbackUnverified = "callback-unverified";

    /// <summary>
    /// An operator decided an order that needed a person (operator, note, evidence and decision in the payload).
    /// </summary>
    public const string OperatorResolution = "operator-resolution";

    /// <summary>An operator made an abandoned webhook delivery due again.</summary>
    public const string OperatorWebhookReplay = "operator-webhook-replay";

    /// <summary>An operator re-enabled the webhook endpoint after it had answered 410 Gone.</summary>
    public const string OperatorEndpointEnable = "operator-endpoint-enable";

    /// <summary>
    /// Whether an operator action took effect. Each operator record (resolution, replay, enable, acknowledgement,
    /// sync) is written BEFORE the change it asks for (payload <c>outcome: attempted</c>), so no change is ever made
    /// without its record; this row follows once the compare-and-swap answered: payload <c>of</c> (the action's kind),
    /// <c>at</c> (the action record's time), <c>outcome</c> <c>applied</c> or <c>not-applied</c> (and <c>reason</c>).
    /// When it is missing (the process stopped, or its write failed) the action's record alone is the record: a
    /// resolution took effect exactly when the order's <c>updatedAt</c> equals the record's time and its status is the
    /// decision.
    /// </summary>
    public const string OperatorOutcome = "operator-outcome";

    /// <summary>
    /// An operator acknowledged why a final order was flagged (a late or contradicted success…): it keeps its status
    /// and is no longer listed. Recorded before the order is marked, so no acknowledgement is without its record.
    /// </summary>
    public const string OperatorAcknowledgement = "operator-acknowledgement";

    /// <summary>
    /// An operator asked the provider about an order now, or ran a poll cycle (no order): who, and which; what the
    /// provider answered is recorded by the check itself.
    /// </summary>
    public const string OperatorSync = "operator-sync";

    /// <summary>
    /// An operator ran (or resumed, or started over) a day's reconciliation with a provider: who, which source and day;
    /// what it found is the run's summary and its difference rows.
    /// </summary>
    public const string OperatorReconciliation = "operator-reconciliation";

    /// <summary>
    /// A row of an imported provider record (a HUAWEIPIN transaction export) that differs from our books: the evidence
    /// a person decides on (day, row number, the provider's status, amount and time, as provider text). Kept once per
    /// distinct row, so importing the same file again adds nothing.
    /// </summary>
    public const string ReconciliationEvidence = "reconciliation-evidence";

    /// <summary>
    /// Kinds of what operators did (their records about no order go to a partition of their own, not the unmatched
    /// one).
    /// </summary>
    public static bool IsOperator(string kind) =>
        kind
            is OperatorResolution
                or OperatorWebhookReplay
                or OperatorEndpointEnable
                or OperatorOutcome
                or OperatorAcknowledgement
                or OperatorSync
                or OperatorReconciliation;

    /// <summary>
    /// What applying a provider message came to; null for a repeat that changed nothing (not recorded).
    /// </summary>
    public static string? Of(UpdateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result switch
        {
            { Found: false } => CallbackUnmatched,
            { Kind: TransitionKind.Changed } => CallbackApplied,
            { Kind: TransitionKind.Conflict } => CallbackConflict,
            _ => null,
        };
    }
}
