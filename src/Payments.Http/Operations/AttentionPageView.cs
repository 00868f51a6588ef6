namespace Payments.Http.Operations;

/// <summary>
/// A page of <c>GET api/ops/attention</c>; pass <paramref name="Continuation"/> back for the next (null: the last
/// page).
/// </summary>
public sealed record AttentionPageView(IReadOnlyList<AttentionItemView> Items, string? Continuation);
