using Payments.Azure.Idempotency;
using Payments.Azure.Tables;
using Payments.Core.Idempotency;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Storage;

public sealed class TableIdempotencyStoreTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly IdempotencyOptions Options = new();

    private async Task<TableIdempotencyStore> NewStoreAsync()
    {
        var tables = azurite.CreateTables();
        await tables.CreateIfNotExistsAsync(default);
        return new TableIdempotencyStore(tables);
    }

    [Fact]
    public async Task TryAdd_SecondTime_NullAndFirstKept()
    {
        var store = await NewStoreAsync();
        var first = IdempotencyRecord.Begin("fp-1", Options, Now);

        Assert.NotNull(await store.TryAddAsync("key/with spaces?", first, default));
        Assert.Null(await store.TryAddAsync("key/with spaces?", IdempotencyRecord.Begin("fp-2", Options, Now), default));
        Assert.Equal(first, (await store.FindAsync("key/with spaces?", default))!.Value);
    }

    [Fact]
    public async Task TryReplace_CompletedResponse_RoundTripsBytes()
    {
        var store = await NewStoreAsync();
        var claim = IdempotencyRecord.Begin("fp", Options, Now);
        var version = (await store.TryAddAsync("k", claim, default))!;
        var response = new StoredResponse(201, "application/json; charset=utf-8", "/api/orders/x", "{\"a\":\"ü\"}"u8.ToArray());

        Assert.NotNull(await store.TryReplaceAsync("k", claim.Complete(response), version, default));
        var stored = (await store.FindAsync("k", default))!.Value;

        Assert.Null(stored.LeasedUntil);
        Assert.Equal(201, stored.Response!.StatusCode);
        Assert.Equal("/api/orders/x", stored.Response.Location);
        Assert.Equal(response.Body.ToArray(), stored.Response.Body.ToArray());
    }

    [Fact]
    public async Task TryReplace_StaleVersion_Null()
    {
        var store = await NewStoreAsync();
        var claim = IdempotencyRecord.Begin("fp", Options, Now);
        var version = (await store.TryAddAsync("k", claim, default))!;
        await store.TryReplaceAsync("k", claim, version, default);

        Assert.Null(await store.TryReplaceAsync("k", claim, version, default));
    }

    [Fact]
    public async Task Release_CurrentVersion_KeyForgotten()
    {
        var store = await NewStoreAsync();
        var version = (await store.TryAddAsync("k", IdempotencyRecord.Begin("fp", Options, Now), default))!;

        await store.ReleaseAsync("k", version, default);

        Assert.Null(await store.FindAsync("k", default));
    }

    [Fact]
    public async Task PurgeExpired_DeletesOnlyExpiredKeys()
    {
        var store = await NewStoreAsync();
        await store.TryAddAsync("old", IdempotencyRecord.Begin("fp", Options, Now - Options.Expiry - TimeSpan.FromMinutes(1)), default);
        await store.TryAddAsync("fresh", IdempotencyRecord.Begin("fp", Options, Now), default);

        var purged = await store.PurgeExpiredAsync(Now, default);

        Assert.Equal(1, purged);
        Assert.Null(await store.FindAsync("old", default));
        Assert.NotNull(await store.FindAsync("fresh", default));
    }

    [Fact]
    public async Task PurgeExpired_MoreKeysThanAPageAndTheConcurrency_EveryExpiredKeyDeletedOnce()
    {
        var store = await NewStoreAsync();
        var old = Now - Options.Expiry - TimeSpan.FromMinutes(1);
        await Parallel.ForEachAsync(Enumerable.Range(0, 1_050), async (i, ct) => await store.TryAddAsync($"old-{i}", IdempotencyRecord.Begin("fp", Options, old), ct));
        await store.TryAddAsync("fresh", IdempotencyRecord.Begin("fp", Options, Now), default);

        var purged = await store.PurgeExpiredAsync(Now, default);
        var again = await store.PurgeExpiredAsync(Now, default);

        Assert.Equal((1_050, 0), (purged, again));
        Assert.Null(await store.FindAsync("old-1049", default));
        Assert.NotNull(await store.FindAsync("fresh", default));
    }
}
