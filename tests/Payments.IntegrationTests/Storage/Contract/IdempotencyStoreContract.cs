using Payments.Core.Idempotency;

namespace Payments.IntegrationTests.Storage.Contract;

/// <summary>
/// What every <see cref="IIdempotencyStore"/> answers: one claim per key, compare-and-swap, release, purge.
/// </summary>
public abstract class IdempotencyStoreContract(IStoreFactory factory) : StoreContract(factory)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly IdempotencyOptions Options = new();

    [Fact]
    public async Task TryAdd_SecondTime_NullAndFirstKept()
    {
        var store = (await StoresAsync()).Idempotency;
        var first = IdempotencyRecord.Begin("fp-1", Options, Now);

        Assert.NotNull(await store.TryAddAsync("key/with spaces?", first, default));
        var second = IdempotencyRecord.Begin("fp-2", Options, Now);
        Assert.Null(await store.TryAddAsync("key/with spaces?", second, default));
        Assert.Equal(first, (await store.FindAsync("key/with spaces?", default))!.Value);
        Assert.Null(await store.FindAsync("key/with spaces", default));
    }

    [Fact]
    public async Task TryAdd_ManyAtOnce_ExactlyOneWins()
    {
        var store = (await StoresAsync()).Idempotency;

        var versions = await Task.WhenAll(
            Enumerable
                .Range(0, 8)
                .Select(i => store.TryAddAsync("contended", IdempotencyRecord.Begin($"fp-{i}", Options, Now), default))
        );

        var won = Assert.Single(versions, v => v is not null);
        Assert.Equal(won, (await store.FindAsync("contended", default))!.Version);
    }

    [Fact]
    public async Task TryReplace_CompletedResponse_RoundTripsBytes()
    {
        var store = (await StoresAsync()).Idempotency;
        var claim = IdempotencyRecord.Begin("fp", Options, Now);
        var version = (await store.TryAddAsync("k", claim, default))!;
        var response = new StoredResponse(
            201,
            "application/json; charset=utf-8",
            "/api/orders/x",
            "{\"a\":\"ü\"}"u8.ToArray()
        );

        Assert.NotNull(await store.TryReplaceAsync("k", claim.Complete(response), version, default));
        var stored = (await store.FindAsync("k", default))!.Value;

        Assert.Null(stored.LeasedUntil);
        Assert.Equal(201, stored.Response!.StatusCode);
        Assert.Equal("/api/orders/x", stored.Response.Location);
        Assert.Equal("application/json; charset=utf-8", stored.Response.ContentType);
        Assert.Equal(response.Body.ToArray(), stored.Response.Body.ToArray());
    }

    [Fact]
    public async Task TryReplace_StaleVersionOrUnknownKey_Null()
    {
        var store = (await StoresAsync()).Idempotency;
        var claim = IdempotencyRecord.Begin("fp", Options, Now);
        var version = (await store.TryAddAsync("k", claim, default))!;
        var replaced = await store.TryReplaceAsync("k", claim, version, default);

        Assert.NotNull(replaced);
        Assert.Null(await store.TryReplaceAsync("k", claim, version, default));
        Assert.Null(await store.TryReplaceAsync("unknown", claim, version, default));
        Assert.Equal(replaced, (await store.FindAsync("k", default))!.Version);
    }

    [Fact]
    public async Task Release_CurrentVersion_KeyForgottenAndFreeAgain()
    {
        var store = (await StoresAsync()).Idempotency;
        var version = (await store.TryAddAsync("k", IdempotencyRecord.Begin("fp", Options, Now), default))!;

        await store.ReleaseAsync("k", version, default);

        Assert.Null(await store.FindAsync("k", default));
        Assert.NotNull(await store.TryAddAsync("k", IdempotencyRecord.Begin("fp-2", Options, Now), default));
    }

    [Fact]
    public async Task Release_StaleVersion_KeyKept()
    {
        var store = (await StoresAsync()).Idempotency;
        var claim = IdempotencyRecord.Begin("fp", Options, Now);
        var version = (await store.TryAddAsync("k", claim, default))!;
        var current = (await store.TryReplaceAsync("k", claim, version, default))!;

        await store.ReleaseAsync("k", version, default);

        Assert.Equal(current, (await store.FindAsync("k", default))!.Version);
    }

    [Fact]
    public async Task PurgeExpired_DeletesOnlyExpiredKeys()
    {
        var store = (await StoresAsync()).Idempotency;
        var old = Now - Options.Expiry - TimeSpan.FromMinutes(1);
        await store.TryAddAsync("old", IdempotencyRecord.Begin("fp", Options, old), default);
        await store.TryAddAsync("fresh", IdempotencyRecord.Begin("fp", Options, Now), default);

        var purged = await store.PurgeExpiredAsync(Now, default);

        Assert.Equal(1, purged);
        Assert.Null(await store.FindAsync("old", default));
        Assert.NotNull(await store.FindAsync("fresh", default));
    }

    [Fact]
    public async Task PurgeExpired_MoreKeysThanAPageAndTheConcurrency_EveryExpiredKeyDeletedOnce()
    {
        var store = (await StoresAsync()).Idempotency;
        var old = Now - Options.Expiry - TimeSpan.FromMinutes(1);
        await Parallel.ForEachAsync(Enumerable.Range(0, 1_050), async (i, ct) =>
            await store.TryAddAsync($"old-{i}", IdempotencyRecord.Begin("fp", Options, old), ct)
        );
        await store.TryAddAsync("fresh", IdempotencyRecord.Begin("fp", Options, Now), default);

        var purged = await store.PurgeExpiredAsync(Now, default);
        var again = await store.PurgeExpiredAsync(Now, default);

        Assert.Equal((1_050, 0), (purged, again));
        Assert.Null(await store.FindAsync("old-1049", default));
        Assert.NotNull(await store.FindAsync("fresh", default));
    }
}
