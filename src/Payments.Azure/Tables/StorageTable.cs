using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using Payments.Core;

namespace Payments.Azure.Tables;

/// <summary>
/// One table, over Azure.Data.Tables' <see cref="TableClient"/>. Expected storage answers come back as
/// <see cref="TableOutcome"/> values; every call (each query page) is bounded by the storage timeout, and a call that
/// gets no answer in time, or none at all, throws <see cref="StorageUnavailableException"/> (answered 503).
/// </summary>
public sealed partial class StorageTable
{
    /// <summary>
    /// A fresh id written with every insert and replace: when the pipeline retried a write whose first try had
    /// succeeded, the 409 (insert) or 412 (replace) it gets is told apart from someone else's write by this id.
    /// </summary>
    public const string WriteIdProperty = "WriteId";

    private const string ETagProperty = "odata.etag";
    private readonly TableClient client;
    private readonly TimeSpan timeout;

    public StorageTable(TableClient client, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        this.client = client;
        this.timeout = timeout;
    }

    public string Name => client.Name;

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        var response = await AnswerAsync(
            async token =>
            {
                await client.CreateIfNotExistsAsync(token);
                return new TableResponse(TableOutcome.Success);
            },
            cancellationToken
        );
        TableOutcomes.Ensure(response.Outcome, $"Table {Name} could not be created");
    }

    public Task<TableResponse> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        AnswerAsync(
            async token =>
            {
                var entity = (
                    await client.GetEntityAsync<TableEntity>(partitionKey, rowKey, cancellationToken: token)
                ).Value;
                return new TableResponse(TableOutcome.Success, entity.ETag.ToString(), entity);
            },
            cancellationToken
        );

    /// <summary>
    /// Adds the entity; <see cref="TableOutcome.AlreadyExists"/> when a row with its keys is someone else's.
    /// </summary>
    public Task<TableResponse> InsertAsync(TableEntity entity, CancellationToken cancellationToken) =>
        WriteAsync(
            entity,
            409,
            TableOutcome.AlreadyExists,
            async (sent, token) => (await client.AddEntityAsync(sent, token)).Headers.ETag?.ToString(),
            cancellationToken
        );

    /// <summary>Replaces the entity if its ETag still matches (<c>*</c> matches any existing entity).</summary>
    public Task<TableResponse> ReplaceAsync(TableEntity entity, string etag, CancellationToken cancellationToken) =>
        WriteAsync(
            entity,
            412,
            TableOutcome.PreconditionFailed,
            async (sent, token) =>
                (
                    await client.UpdateEntityAsync(sent, new ETag(etag), TableUpdateMode.Replace, token)
                ).Headers.ETag?.ToString(),
            cancellationToken
        );

    /// <summary>
    /// Inserts or replaces the entity whatever is stored (index rows only; orders always carry an ETag).
    /// </summary>
    public Task<TableResponse> UpsertAsync(TableEntity entity, CancellationToken cancellationToken) =>
        AnswerAsync(
            async token => Written(await client.UpsertEntityAsync(Sendable(entity), TableUpdateMode.Replace, token)),
            cancellationToken
        );

    /// <summary>Deletes the entity if its ETag still matches; a missing entity counts as deleted.</summary>
    public async Task<TableOutcome> DeleteAsync(
        string partitionKey,
        string rowKey,
        string etag,
        CancellationToken cancellationToken
    ) =>
        (
            await AnswerAsync(
                async token =>
                {
                    await client.DeleteEntityAsync(partitionKey, rowKey, new ETag(etag), token);
                    return new TableResponse(TableOutcome.Success);
                },
                cancellationToken
            )
        ).Outcome;

    /// <summary>Deletes the whole table in one request, whatever it holds; a missing table counts as deleted.</summary>
    public async Task DeleteTableAsync(CancellationToken cancellationToken)
    {
        var response = await AnswerAsync(
            async token =>
            {
                await client.DeleteAsync(token);
                return new TableResponse(TableOutcome.Success);
            },
            cancellationToken
        );
        if (response.Outcome is not (TableOutcome.Success or TableOutcome.NotFound or TableOutcome.TableNotFound))
        {
            throw TableOutcomes.Unavailable(response.Outcome, $"Table {Name} could not be deleted");
        }
    }

    /// <summary>
    /// Entities matching <paramref name="filter"/> (built with
    /// <see cref="TableClient.CreateQueryFilter(FormattableString)"/>), page by page.
    /// </summary>
    /// <param name="filter">OData filter, or null for all entities.</param>
    /// <param name="select">Properties to return besides the keys, or null for all.</param>
    /// <param name="pageSize">Entities per request (at most 1,000).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string? filter,
        IReadOnlyCollection<string>? select,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        var properties = select is null ? null : select.Append("PartitionKey").Append("RowKey").Distinct().ToList();
        string? continuation = null;
        do
        {
            var page = await BoundAsync(
                Name,
                timeout,
                token => FirstPageAsync(filter, properties, pageSize, continuation, token),
                cancellationToken
            );
            foreach (var entity in page.Values)
            {
                yield return entity;
            }

            continuation = page.ContinuationToken;
        } while (continuation is not null);
    }

    private async Task<(IReadOnlyList<TableEntity> Values, string? ContinuationToken)> FirstPageAsync(
        string? filter,
        List<string>? select,
        int pageSize,
        string? continuation,
        CancellationToken cancellationToken
    )
    {
        try
        {
            var pages = client
                .QueryAsync<TableEntity>(filter, pageSize, select, cancellationToken)
                .AsPages(continuation, pageSize);
            await foreach (var page in pages.WithCancellation(cancellationToken))
            {
                return (page.Values, page.ContinuationToken);
            }

            return ([], null);
        }
        catch (RequestFailedException e) when (Outcome(e) is { } outcome)
        {
            throw TableOutcomes.Unavailable(outcome, $"Table {Name} query");
        }
    }

    /// <summary>
    /// Sends the entity with a fresh <see cref="WriteIdProperty"/>. A <paramref name="refusal"/> status whose stored
    /// row carries that id is our own write, made by a first try whose answer was lost: success, not
    /// <paramref name="refused"/>.
    /// </summary>
    private Task<TableResponse> WriteAsync(
        TableEntity entity,
        int refusal,
        TableOutcome refused,
        Func<TableEntity, CancellationToken, Task<string?>> write,
        CancellationToken cancellationToken
    )
    {
        var sent = Sendable(entity);
        var writeId = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        sent[WriteIdProperty] = writeId;
        return AnswerAsync(
            async token =>
            {
                try
                {
                    return new TableResponse(TableOutcome.Success, await write(sent, token));
                }
                catch (RequestFailedException e) when (e.Status == refusal)
                {
                    var stored = await client.GetEntityIfExistsAsync<TableEntity>(
                        sent.PartitionKey,
                        sent.RowKey,
                        cancellationToken: token
                    );
                    return
                        stored is { HasValue: true, Value: { } row }
                        && row.TryGetValue(WriteIdProperty, out var id)
                        && Equals(id, writeId)
                        ? new TableResponse(TableOutcome.Success, row.ETag.ToString(), row)
                        : new TableResponse(refused);
                }
            },
            cancellationToken
        );
    }

    /// <summary>
    /// The entity as sent: null properties left out (a missing property reads as null), no stale ETag.
    /// </summary>
    private static TableEntity Sendable(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var sent = new TableEntity(entity.PartitionKey, entity.RowKey);
        foreach (var (name, value) in entity)
        {
            if (value is not null && name is not ("PartitionKey" or "RowKey" or "Timestamp") && name != ETagProperty)
            {
                sent[name] = value;
            }
        }

        return sent;
    }

    private static TableResponse Written(Response response) =>
        new(TableOutcome.Success, response.Headers.ETag?.ToString());

    private Task<TableResponse> AnswerAsync(
        Func<CancellationToken, Task<TableResponse>> operation,
        CancellationToken cancellationToken
    ) =>
        BoundAsync(
            Name,
            timeout,
            async token =>
            {
                try
                {
                    return await operation(token);
                }
                catch (RequestFailedException e) when (Outcome(e) is { } outcome)
                {
                    return new TableResponse(outcome);
                }
            },
            cancellationToken
        );
}
