using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Payments.Azure;
using Payments.Azure.Tables;
using Payments.Core;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Review2;

/// <summary>
/// Review 2: the lost-answer recovery of <see cref="StorageTable"/> decides "ours or someone else's" from the row as it is
/// when the retry reads it. When another writer moved the row on (from our own new ETag) between our applied first try
/// and that read, the recovery finds their WriteId and reports our won compare-and-swap as lost, so the caller re-applies
/// its change on top of itself (a counter counted twice, a transition reported as a duplicate, its audit record skipped).
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class StorageTableLostAnswerTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Timeout = new StorageOptions().Timeout;

    [Fact]
    public async Task Replace_FirstTryAppliedAnswerLostThenRowMovedOnByAnother_ReportedAsOurs()
    {
        var name = TablePrefix.New();
        var other = new StorageTable(azurite.CreateService().GetTableClient(name), Timeout);
        await other.CreateIfNotExistsAsync(default);
        var lossy = StorageClient.Options(Timeout);
        var policy = new LoseFirstAnswerAfterAnotherWrite(RequestMethod.Put, other);
        lossy.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        var table = new StorageTable(azurite.CreateService(lossy).GetTableClient(name), Timeout);
        var inserted = await other.InsertAsync(new TableEntity("p", "r") { ["Count"] = 1L }, default);

        var replaced = await table.ReplaceAsync(new TableEntity("p", "r") { ["Count"] = 2L }, inserted.ETag!, default);
        var read = await table.GetAsync("p", "r", default);

        Assert.True(policy.Lost);
        Assert.Equal(3L, read.Entity!.GetInt64("Count")); // the other writer built on our write: it did win
        Assert.Equal(TableOutcome.Success, replaced.Outcome);
    }

    [Fact]
    public async Task Insert_FirstTryAppliedAnswerLostThenRowMovedOnByAnother_ReportedAsOurs()
    {
        var name = TablePrefix.New();
        var other = new StorageTable(azurite.CreateService().GetTableClient(name), Timeout);
        await other.CreateIfNotExistsAsync(default);
        var lossy = StorageClient.Options(Timeout);
        var policy = new LoseFirstAnswerAfterAnotherWrite(RequestMethod.Post, other);
        lossy.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        var table = new StorageTable(azurite.CreateService(lossy).GetTableClient(name), Timeout);

        var inserted = await table.InsertAsync(new TableEntity("p", "r") { ["Count"] = 1L }, default);
        var read = await table.GetAsync("p", "r", default);

        Assert.True(policy.Lost);
        Assert.Equal(2L, read.Entity!.GetInt64("Count")); // built on our insert: the row is ours
        Assert.Equal(TableOutcome.Success, inserted.Outcome);
    }

    /// <summary>Lets the first write of <paramref name="method"/> through, lets another writer replace the row from the ETag it
    /// got, then loses the first write's answer (the pipeline retries).</summary>
    private sealed class LoseFirstAnswerAfterAnotherWrite(RequestMethod method, StorageTable other) : HttpPipelinePolicy
    {
        private int lost;

        public bool Lost => lost == 1;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (message.Request.Method == method && message.Response.Status is 201 or 204 && Interlocked.Exchange(ref lost, 1) == 0)
            {
                var current = await other.GetAsync("p", "r", default);
                var moved = await other.ReplaceAsync(new TableEntity("p", "r") { ["Count"] = current.Entity!.GetInt64("Count")!.Value + 1 }, current.ETag!, default);
                Assert.Equal(TableOutcome.Success, moved.Outcome);
                throw new IOException("The connection closed before the answer arrived.");
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The table client is used asynchronously only.");
    }
}
