namespace Payments.Core.Operations;

/// <summary>One page of an attention listing; <paramref name="Continuation"/> is null on the last page.</summary>
public sealed record AttentionPage(IReadOnlyList<AttentionItem> Items, string? Continuation);
