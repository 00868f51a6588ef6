using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Payments.Azure;
using Payments.Azure.Audit;
using Payments.Azure.Tables;
using Payments.Core.Audit;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.Storage.Contract;

namespace Payments.IntegrationTests.HaiPay;

/// <summary>
/// A verified message that changed nothing is recorded once per signed content: the audit log inserts the once-marker
/// first, then the record. When the record's insert fails after the marker landed, the notification is answered with
/// an error and HaiPay sends it again, but the marker now says "recorded before": the verified message is never
/// recorded.
/// </summary>
public sealed class OnceRecordedMessageAuditTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task RecordInsertFailsAfterOnceMarker_RetriedVerifiedMessageStillRecorded()
    {
        var prefix = TablePrefix.New();
        var timeout = new StorageOptions().Timeout;
        var plain = new PaymentTables(azurite.CreateService(), prefix, timeout);
        await plain.CreateIfNotExistsAsync(default);
        var hook = new FailAuditInsert();
        var options = StorageClient.Options(timeout);
        options.AddPolicy(hook, HttpPipelinePosition.PerRetry);
        var hooked = new PaymentTables(azurite.CreateService(options), prefix, timeout);
        var audit = new TableAuditLog(
            hooked,
            new FixedOptions<AuditOptions>(new AuditOptions()),
            NullLogger<TableAuditLog>.Instance
        );
        var at = TestOrders.Now;

        // The month's audit table exists (another order's record), so the next inserts are the marker, then the record.
        await audit.RecordAsync(new AuditRecord("other-order", AuditKinds.CallbackApplied, "{}", at), default);

        var stale = new AuditRecord(
            "once-order",
            AuditKinds.CallbackStale,
            """{"orderId":"once-order","status":3}""",
            at
        )
        {
            OnceKey = AuditRecord.OnceKeyOf("orderId=once-order&status=3&key="),
        };
        hook.FailSecondInsert = true;
        await Assert.ThrowsAnyAsync<Exception>(() => audit.RecordAsync(stale, default));
        hook.FailSecondInsert = false;

        // HaiPay sends the same verified notification again.
        await audit.RecordAsync(stale with { At = at.AddMinutes(1) }, default);

        var records = new List<AuditRecord>();
        await foreach (var record in audit.ListAsync("once-order", at, default))
        {
            records.Add(record);
        }

        Assert.Single(records, r => r.Kind == AuditKinds.CallbackStale);
    }

    [Fact]
    public async Task SameVerifiedMessageTwice_RecordedOnce()
    {
        var tables = azurite.CreateTables();
        await tables.CreateIfNotExistsAsync(default);
        var audit = new TableAuditLog(
            tables,
            new FixedOptions<AuditOptions>(new AuditOptions()),
            NullLogger<TableAuditLog>.Instance
        );
        var at = TestOrders.Now;
        var stale = new AuditRecord(
            "once-order",
            AuditKinds.CallbackStale,
            """{"orderId":"once-order","status":3}""",
            at
        )
        {
            OnceKey = AuditRecord.OnceKeyOf("orderId=once-order&status=3&key="),
        };
        await audit.RecordAsync(stale, default);
        await audit.RecordAsync(stale with { At = at.AddMinutes(1) }, default);

        var records = new List<AuditRecord>();
        await foreach (var record in audit.ListAsync("once-order", at, default))
        {
            records.Add(record);
        }

        Assert.Single(records, r => r.Kind == AuditKinds.CallbackStale);
    }

    /// <summary>Lets the next entity insert into an audit month table through, fails the one after it.</summary>
    private sealed class FailAuditInsert : HttpPipelinePolicy
    {
        private int seen;

        public bool FailSecondInsert { get; set; }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var path = Uri.UnescapeDataString(message.Request.Uri.ToUri().AbsolutePath);
            if (
                FailSecondInsert
                && message.Request.Method == RequestMethod.Post
                && path.Contains("audit", StringComparison.OrdinalIgnoreCase)
                && !path.EndsWith("/Tables", StringComparison.Ordinal)
                && ++seen == 2
            )
            {
                throw new RequestFailedException(503, "injected: audit record insert fails");
            }

            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessNext(message, pipeline);
    }
}
