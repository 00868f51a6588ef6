namespace Payments.Core.Operations;

/// <summary>The categories' names in the operator API (<c>needs-review</c>, <c>stale</c>, ...).</summary>
public static class AttentionCategories
{
    private static readonly Dictionary<string, AttentionCategory> ByName = new(StringComparer.Ordinal)
    {
        ["needs-review"] = AttentionCategory.NeedsReview,
        ["stale"] = AttentionCategory.Stale,
        ["unmatched-callbacks"] = AttentionCategory.UnmatchedCallbacks,
        ["unverified-callbacks"] = AttentionCategory.UnverifiedCallbacks,
        ["reconciliation"] = AttentionCategory.Reconciliation,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static string Name(AttentionCategory category) => ByName.Single(c => c.Value == category).Key;

    public static AttentionCategory? Parse(string? name) =>
        name is not null && ByName.TryGetValue(name, out var category) ? category : null;
}
