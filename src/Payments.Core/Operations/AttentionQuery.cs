namespace Payments.Core.Operations;

/// <summary>
/// One page of an attention listing. <paramref name="Reason"/> narrows <see cref="AttentionCategory.NeedsReview"/>;
/// <paramref name="OlderThan"/> is how long a <see cref="AttentionCategory.Stale"/> order has been waiting at least;
/// <paramref name="After"/> is the previous page's continuation.
/// </summary>
public sealed record AttentionQuery(
    AttentionCategory Category,
    string? Reason,
    TimeSpan OlderThan,
    int Limit,
    string? After
);
