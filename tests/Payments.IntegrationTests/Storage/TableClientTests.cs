using Payments.Azure.Tables;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Storage;

[Collection(AzuriteGroup.Name)]
public sealed class TableClientTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.CreateService().GetTableClient(TablePrefix.New());
        Assert.Equal(TableOutcome.Success, await table.CreateIfNotExistsAsync(default));
        return table;
    }

    [Fact]
    public async Task CreateIfNotExists_TableExists_Succeeds()
    {
        var table = await NewTableAsync();
        Assert.Equal(TableOutcome.Success, await table.CreateIfNotExistsAsync(default));
    }

    [Fact]
    public async Task InsertGetReplace_RoundTrip_KeepsTypesAndMovesETag()
    {
        var table = await NewTableAsync();
        var at = new DateTimeOffset(2026, 11, 22, 10, 30, 15, 123, TimeSpan.Zero);
        var entity = new TableEntity("p", "r") { ["Text"] = "héllo 'quoted'", ["Count"] = 7, ["Big"] = 1L << 40, ["At"] = at, ["Flag"] = true };

        var inserted = await table.InsertAsync(entity, default);
        Assert.Equal(TableOutcome.Success, inserted.Outcome);
        var read = await table.GetAsync("p", "r", default);

        Assert.Equal(inserted.ETag, read.ETag);
        Assert.Equal("héllo 'quoted'", read.Entity!.GetString("Text"));
        Assert.Equal(7, read.Entity["Count"]);
        Assert.Equal(1L << 40, read.Entity.GetInt64("Big"));
        Assert.Equal(at, read.Entity.GetDateTime("At"));
        Assert.Equal(true, read.Entity.GetBoolean("Flag"));

        var replaced = await table.ReplaceAsync(new TableEntity("p", "r") { ["Text"] = "changed" }, read.ETag!, default);
        Assert.Equal(TableOutcome.Success, replaced.Outcome);
        Assert.NotEqual(read.ETag, replaced.ETag);
        var after = await table.GetAsync("p", "r", default);
        Assert.Equal("changed", after.Entity!.GetString("Text"));
        Assert.Null(after.Entity["Count"]);
    }

    [Fact]
    public async Task Insert_Twice_SecondIsAlreadyExists()
    {
        var table = await NewTableAsync();
        Assert.Equal(TableOutcome.Success, (await table.InsertAsync(new TableEntity("p", "r"), default)).Outcome);
        Assert.Equal(TableOutcome.AlreadyExists, (await table.InsertAsync(new TableEntity("p", "r"), default)).Outcome);
    }

    [Fact]
    public async Task Get_Missing_IsNotFound()
    {
        var table = await NewTableAsync();
        Assert.Equal(TableOutcome.NotFound, (await table.GetAsync("nope", "nope", default)).Outcome);
    }

    [Fact]
    public async Task Replace_ConcurrentWithSameETag_ExactlyOneWins()
    {
        var table = await NewTableAsync();
        var etag = (await table.InsertAsync(new TableEntity("p", "r") { ["V"] = 0 }, default)).ETag!;

        var results = await Task.WhenAll(Enumerable.Range(1, 2).Select(v =>
            table.ReplaceAsync(new TableEntity("p", "r") { ["V"] = v }, etag, default)));

        Assert.Single(results, r => r.Outcome == TableOutcome.Success);
        Assert.Single(results, r => r.Outcome == TableOutcome.PreconditionFailed);
    }

    [Fact]
    public async Task Merge_WithETag_KeepsOtherProperties()
    {
        var table = await NewTableAsync();
        var etag = (await table.InsertAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" }, default)).ETag!;

        Assert.Equal(TableOutcome.Success, (await table.MergeAsync(new TableEntity("p", "r") { ["B"] = "B" }, etag, default)).Outcome);
        Assert.Equal(TableOutcome.PreconditionFailed, (await table.MergeAsync(new TableEntity("p", "r") { ["B"] = "x" }, etag, default)).Outcome);

        var read = (await table.GetAsync("p", "r", default)).Entity!;
        Assert.Equal(("a", "B"), (read.GetString("A"), read.GetString("B")));
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
        await Task.WhenAll(Enumerable.Range(0, 1_150).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var partition = i < 1_100 ? "many" : "other";
                Assert.True((await table.InsertAsync(new TableEntity(partition, i.ToString("D5")) { ["N"] = i }, default)).IsSuccess);
            }
            finally
            {
                gate.Release();
            }
        }));

        var rows = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {"many"}"), ["N"], 1000, default).ToListAsync();

        Assert.Equal(1_100, rows.Count);
        Assert.Equal(Enumerable.Range(0, 1_100), rows.Select(r => (int)r["N"]!).Order());
    }

    [Fact]
    public async Task Query_ValueWithQuotes_CannotWidenTheFilter()
    {
        var table = await NewTableAsync();
        await table.InsertAsync(new TableEntity("secret", "1"), default);
        await table.InsertAsync(new TableEntity("a'b", "1"), default);
        var hostile = "x' or PartitionKey ne 'x";

        var hostileRows = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {hostile}"), null, 100, default).ToListAsync();
        var quoted = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {"a'b"}"), null, 100, default).ToListAsync();

        Assert.Empty(hostileRows);
        Assert.Equal("a'b", Assert.Single(quoted).PartitionKey);
    }

    [Fact]
    public async Task AnyOperation_WrongSharedKey_ThrowsClearAuthenticationError()
    {
        var endpoint = StorageConnection.Parse(azurite.ConnectionString).TableEndpoint;
        var service = new TableServiceClient(new StorageConnection(endpoint, StorageConnection.DevelopmentAccountName, new byte[64]), null, new TableClientOptions());

        var error = await Assert.ThrowsAsync<TableStorageException>(() => service.GetTableClient("anytable").CreateIfNotExistsAsync(default));

        Assert.Equal(403, error.Status);
        Assert.Contains("account key", error.Message, StringComparison.Ordinal);
    }
}
