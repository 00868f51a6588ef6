namespace Payments.Core.Operations;

/// <summary>
/// What needs an operator, read from an index written with each change (never a scan of orders): a page costs one index
/// query plus, for orders, one read per index row to check it still holds (a stale row is dropped as it is read).
/// </summary>
public interface IAttentionList
{
    Task<AttentionPage> ListAsync(AttentionQuery query, CancellationToken cancellationToken);
}
