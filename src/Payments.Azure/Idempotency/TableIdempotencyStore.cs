using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Payments.Azure.Tables;
using Payments.Core.Idempotency;
using Payments.Core.Orders;

namespace Payments.Azure.Idempotency;

/// <summary>
/// Idempotency keys in their own table: PartitionKey is the SHA-256 of the key (any characters, spread evenly,
/// the key itself never stored), one row each; the response body is kept as Base64.
/// </summary>
public sealed class TableIdempotencyStore(PaymentTables tables) : IIdempotencyStore
{
    private const string What = "Idempotency table";
    private const string Row = "key";
    private const int PurgeConcurrency = 16;
    private static readonly string[] ExpiryOnly = ["ExpiresAt"];

    public async Task<Versioned<IdempotencyRecord>?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var response = await tables.Idempotency.GetAsync(Partition(key), Row, cancellationToken);
        return response.Outcome switch
        {
            TableOutcome.Success => new Versioned<IdempotencyRecord>(FromEntity(response.Entity!), response.ETag!),
            TableOutcome.NotFound => null,
            _ => throw TableOutcomes.Unavailable(response.Outcome, What),
        };
    }

    public async Task<string?> TryAddAsync(string key, IdempotencyRecord record, CancellationToken cancellationToken)
    {
        var response = await tables.Idempotency.InsertAsync(ToEntity(key, record), cancellationToken);
        return response.Outcome switch
        {
            TableOutcome.Success => response.ETag,
            TableOutcome.AlreadyExists => null,
            _ => throw TableOutcomes.Unavailable(response.Outcome, What),
        };
    }

    public async Task<string?> TryReplaceAsync(
        string key,
        IdempotencyRecord record,
        string version,
        CancellationToken cancellationToken
    )
    {
        var response = await tables.Idempotency.ReplaceAsync(ToEntity(key, record), version, cancellationToken);
        return response.Outcome switch
        {
            TableOutcome.Success => response.ETag,
            TableOutcome.PreconditionFailed or TableOutcome.NotFound => null,
            _ => throw TableOutcomes.Unavailable(response.Outcome, What),
        };
    }

    public async Task ReleaseAsync(string key, string version, CancellationToken cancellationToken)
    {
        var outcome = await tables.Idempotency.DeleteAsync(Partition(key), Row, version, cancellationToken);
        if (outcome == TableOutcome.Unavailable)
        {
            throw TableOutcomes.Unavailable(outcome, What);
        }
    }

    /// <summary>
    /// Deletes every expired key, <see cref="PurgeConcurrency"/> at a time: each key is its own partition, so deletes
    /// cannot share an entity-group batch, and one at a time (≈ 50–100/s) would fall behind 10 M keys a day (≈ 116/s).
    /// A key completed again since the query (another ETag) is left alone.
    /// </summary>
    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var purged = 0;
        var filter = TableClient.CreateQueryFilter($"ExpiresAt lt {now}");
        var expired = tables.Idempotency.QueryAsync(filter, ExpiryOnly, 1000, cancellationToken);
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = PurgeConcurrency,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(expired, parallel, async (row, ct) =>
        {
            var deleted = await tables.Idempotency.DeleteAsync(row.PartitionKey, row.RowKey, row.ETag.ToString(), ct);
            if (deleted == TableOutcome.Success)
            {
                Interlocked.Increment(ref purged);
            }
        });

        return purged;
    }

    private static string Partition(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static TableEntity ToEntity(string key, IdempotencyRecord record) =>
        new(Partition(key), Row)
        {
            ["Fingerprint"] = record.Fingerprint,
            ["ExpiresAt"] = record.ExpiresAt,
            ["LeasedUntil"] = record.LeasedUntil,
            ["StatusCode"] = record.Response?.StatusCode,
            ["ContentType"] = record.Response?.ContentType,
            ["Location"] = record.Response?.Location,
            ["Body"] = record.Response is { } response ? Convert.ToBase64String(response.Body.Span) : null,
        };

    private static IdempotencyRecord FromEntity(TableEntity entity)
    {
        var status = entity.GetNumber("StatusCode");
        var response = status is { } code
            ? new StoredResponse(
                (int)code,
                entity.GetString("ContentType"),
                entity.GetString("Location"),
                Convert.FromBase64String(entity.GetString("Body") ?? string.Empty)
            )
            : null;
        return new IdempotencyRecord(
            entity.GetString("Fingerprint")!,
            entity.GetDateTimeOffset("ExpiresAt")!.Value,
            entity.GetDateTimeOffset("LeasedUntil"),
            response
        );
    }
}
