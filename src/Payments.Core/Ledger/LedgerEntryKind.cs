namespace Payments.Core.Ledger;

/// <summary>What a ledger entry records: money that moved, or money a person must look at.</summary>
public enum LedgerEntryKind
{
    /// <summary>A payment (card collection or gift-card frame) succeeded: money in.</summary>
    Collected,

    /// <summary>A refund succeeded: money out.</summary>
    Refunded,

    /// <summary>A subscription charge succeeded: money in.</summary>
    Charged,

    /// <summary>
    /// Money a person must look at (an amount that differs, a partial or over-collection, a provider that contradicts
    /// a final state): nothing moved by our books until someone decides.
    /// </summary>
    Flagged,

    /// <summary>An operator decided an order that needed a person, and it ended Failed: nothing moved.</summary>
    Resolved,
}
