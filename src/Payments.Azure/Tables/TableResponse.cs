using Azure.Data.Tables;

namespace Payments.Azure.Tables;

/// <summary>The outcome of a table operation, with the entity's new ETag or the entity read.</summary>
public sealed record TableResponse(TableOutcome Outcome, string? ETag = null, TableEntity? Entity = null)
{
    public bool IsSuccess => Outcome == TableOutcome.Success;
}
