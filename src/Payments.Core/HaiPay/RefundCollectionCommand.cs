namespace Payments.Core.HaiPay;

/// <summary>
/// A merchant's validated request to refund a collection in full; no refund id asks for the default one.
/// </summary>
public sealed record RefundCollectionCommand(string CollectionId, string? RefundId);
