using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Payments.Azure;
using Payments.Azure.Tables;
using Payments.Core;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Storage;

/// <summary>
/// The seam over Azure.Data.Tables against Azurite: typed outcomes, ETags, continuation, retried inserts, stalls.
/// </summary>
public sealed class StorageTableTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private static readonly TimeSpan Timeout = new StorageOptions().Timeout;

    private async Task<StorageTable> NewTableAsync(TableClientOptions? options = null)
    {
        var name = TablePrefix.New();
        await new StorageTable(azurite.CreateService().GetTableClient(name), Timeout).CreateIfNotExistsAsync(default);
        return new StorageTable(azurite.CreateService(options).GetTableClient(name), Timeout);
    }

    [Fact]
    public async Task InsertGetReplace_RoundTrip_KeepsTypesDropsNullsAndMovesETag()
    {
        var table = await NewTableAsync();
        var at = new DateTimeOffset(2026, 11, 22, 10, 30, 15, 123, TimeSpan.Zero);
        var entity = new TableEntity("p", "r")
        {
            ["Text"] = "héllo 'quoted'",
            ["Count"] = 7,
            ["Big"] = 1L << 40,
            ["At"] = at,
            ["Flag"] = true,
            ["None"] = null,
        };

        var inserted = await table.InsertAsync(entity, default);
        var read = await table.GetAsync("p", "r", default);

        Assert.Equal(TableOutcome.Success, inserted.Outcome);
        Assert.Equal(inserted.ETag, read.ETag);
        Assert.Equal("héllo 'quoted'", read.Entity!.GetString("Text"));
        Assert.Equal(7, read.Entity.GetInt32("Count"));
        Assert.Equal(1L << 40, read.Entity.GetInt64("Big"));
        Assert.Equal(at, read.Entity.GetDateTimeOffset("At"));
        Assert.Equal(true, read.Entity.GetBoolean("Flag"));
        Assert.False(read.Entity.ContainsKey("None"));

        var replaced = await table.ReplaceAsync(
            new TableEntity("p", "r") { ["Text"] = "changed" },
            read.ETag!,
            default
        );
        var after = await table.GetAsync("p", "r", default);

        Assert.Equal(TableOutcome.Success, replaced.Outcome);
        Assert.NotEqual(read.ETag, replaced.ETag);
        Assert.Equal(replaced.ETag, after.ETag);
        Assert.Equal("changed", after.Entity!.GetString("Text"));
        Assert.False(after.Entity.ContainsKey("Count"));
    }

    [Fact]
    public async Task Insert_Twice_SecondIsAlreadyExists()
    {
        var table = await NewTableAsync();

        Assert.Equal(TableOutcome.Success, (await table.InsertAsync(new TableEntity("p", "r"), default)).Outcome);
        Assert.Equal(TableOutcome.AlreadyExists, (await table.InsertAsync(new TableEntity("p", "r"), default)).Outcome);
    }

    [Fact]
    public async Task Insert_FirstTryWrittenButItsAnswerLost_RetryRecognisedAsOurs()
    {
        var lossy = StorageClient.Options(Timeout);
        var policy = new LoseFirstAnswer(RequestMethod.Post);
        lossy.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        var table = await NewTableAsync(lossy);

        var inserted = await table.InsertAsync(new TableEntity("p", "r") { ["V"] = "ours" }, default);
        var read = await table.GetAsync("p", "r", default);

        Assert.True(policy.Lost);
        Assert.Equal(TableOutcome.Success, inserted.Outcome);
        Assert.Equal(read.ETag, inserted.ETag);
        Assert.Equal(
            TableOutcome.AlreadyExists,
            (await table.InsertAsync(new TableEntity("p", "r") { ["V"] = "ours" }, default)).Outcome
        );
    }

    [Fact]
    public async Task Replace_FirstTryWrittenButItsAnswerLost_RetryRecognisedAsOurs()
    {
        var lossy = StorageClient.Options(Timeout);
        var policy = new LoseFirstAnswer(RequestMethod.Put);
        lossy.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        var table = await NewTableAsync(lossy);
        var inserted = await table.InsertAsync(new TableEntity("p", "r") { ["V"] = "first" }, default);

        var replaced = await table.ReplaceAsync(new TableEntity("p", "r") { ["V"] = "ours" }, inserted.ETag!, default);
        var read = await table.GetAsync("p", "r", default);

        Assert.True(policy.Lost);
        Assert.Equal(TableOutcome.Success, replaced.Outcome);
        Assert.Equal(read.ETag, replaced.ETag);
        Assert.Equal("ours", read.Entity!.GetString("V"));
        Assert.Equal(
            TableOutcome.PreconditionFailed,
            (await table.ReplaceAsync(new TableEntity("p", "r") { ["V"] = "stale" }, inserted.ETag!, default)).Outcome
        );
    }

    [Fact]
    public async Task Get_MissingEntity_NotFound_MissingTable_TableNotFound()
    {
        var table = await NewTableAsync();
        var missingTable = new StorageTable(azurite.CreateService().GetTableClient(TablePrefix.New()), Timeout);

        Assert.Equal(TableOutcome.NotFound, (await table.GetAsync("nope", "nope", default)).Outcome);
        Assert.Equal(TableOutcome.TableNotFound, (await missingTable.GetAsync("nope", "nope", default)).Outcome);
    }

    [Fact]
    public async Task Replace_ConcurrentWithSameETag_ExactlyOneWins()
    {
        var table = await NewTableAsync();
        var etag = (await table.InsertAsync(new TableEntity("p", "r") { ["V"] = 0 }, default)).ETag!;

        var results = await Task.WhenAll(
            Enumerable
                .Range(1, 2)
                .Select(v => table.ReplaceAsync(new TableEntity("p", "r") { ["V"] = v }, etag, default))
        );

        Assert.Single(results, r => r.Outcome == TableOutcome.Success);
        Assert.Single(results, r => r.Outcome == TableOutcome.PreconditionFailed);
    }

    [Fact]
    public async Task Delete_WithStaleETag_IsPreconditionFailed_ThenWithCurrentSucceeds()
    {
        var table = await NewTableAsync();
        var first = (await table.InsertAsync(new TableEntity("p", "r"), default)).ETag!;
        var second = (await table.ReplaceAsync(new TableEntity("p", "r") { ["X"] = 1 }, first, default)).ETag!;

        Assert.Equal(TableOutcome.PreconditionFailed, await table.DeleteAsync("p", "r", first, default));
        Assert.Equal(TableOutcome.Success, await table.DeleteAsync("p", "r", second, default));
        Assert.Equal(TableOutcome.NotFound, (await table.GetAsync("p", "r", default)).Outcome);
    }

    [Fact]
    public async Task Query_MoreThanOnePage_FollowsContinuationTokens()
    {
        var table = await NewTableAsync();
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(
            Enumerable
                .Range(0, 1_150)
                .Select(async i =>
                {
                    await gate.WaitAsync();
                    try
                    {
                        var partition = i < 1_100 ? "many" : "other";
                        Assert.True(
                            (
                                await table.InsertAsync(
                                    new TableEntity(partition, i.ToString("D5")) { ["N"] = i },
                                    default
                                )
                            ).IsSuccess
                        );
                    }
                    finally
                    {
                        gate.Release();
                    }
                })
        );

        var rows = await table
            .QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"many"}"), ["N"], 1000, default)
            .ToListAsync();

        Assert.Equal(1_100, rows.Count);
        Assert.Equal(Enumerable.Range(0, 1_100), rows.Select(r => r.GetInt32("N")!.Value).Order());
    }

    [Fact]
    public async Task Query_ValueWithQuotes_CannotWidenTheFilter()
    {
        var table = await NewTableAsync();
        await table.InsertAsync(new TableEntity("secret", "1"), default);
        await table.InsertAsync(new TableEntity("a'b", "1"), default);
        var hostile = "x' or PartitionKey ne 'x";

        var hostileRows = await table
            .QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {hostile}"), null, 100, default)
            .ToListAsync();
        var quoted = await table
            .QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"a'b"}"), null, 100, default)
            .ToListAsync();

        Assert.Empty(hostileRows);
        Assert.Equal("a'b", Assert.Single(quoted).PartitionKey);
    }

    [Fact]
    public async Task GetAndQuery_StorageNeverAnswers_StorageUnavailable()
    {
        var name = TablePrefix.New();
        await new StorageTable(azurite.CreateService().GetTableClient(name), Timeout).CreateIfNotExistsAsync(default);
        await using var line = StorageCutProxy.Start(azurite.Port);
        var bound = TimeSpan.FromSeconds(1);
        var table = new StorageTable(
            new TableServiceClient(line.ConnectionString(azurite), StorageClient.Options(bound)).GetTableClient(name),
            bound
        );
        line.Stall();

        await Assert.ThrowsAsync<StorageUnavailableException>(() => table.GetAsync("p", "r", default));
        await Assert.ThrowsAsync<StorageUnavailableException>(async () =>
            await table.QueryAsync(null, null, 10, default).ToListAsync()
        );
    }

    /// <summary>
    /// Lets the first write with <paramref name="method"/> reach storage, then loses its answer, so the pipeline
    /// retries a write that was made.
    /// </summary>
    private sealed class LoseFirstAnswer(RequestMethod method) : HttpPipelinePolicy
    {
        private int lost;

        public bool Lost => lost == 1;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (
                message.Request.Method == method
                && message.Response.Status == 204
                && Interlocked.Exchange(ref lost, 1) == 0
            )
            {
                throw new IOException("The connection closed before the answer arrived.");
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The table client is used asynchronously only.");
    }
}
