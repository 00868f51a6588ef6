namespace Payments.Core.Operations;

/// <summary>What an operator may have to look at.</summary>
public enum AttentionCategory
{
    /// <summary>Orders in NeedsReview (optionally of one review reason).</summary>
    NeedsReview,

    /// <summary>Orders still Created or Unknown (never accepted by the provider) longer than asked.</summary>
    Stale,

    /// <summary>Provider-signed callbacks or notifications about an order we do not know.</summary>
    UnmatchedCallbacks,

    /// <summary>Provider messages whose signature or hash did not verify (summaries, never bodies).</summary>
    UnverifiedCallbacks,

    /// <summary>
    /// Differences between our books and a provider's found by reconciliation, each with both sides (one per day,
    /// source and order).
    /// </summary>
    Reconciliation,
}
