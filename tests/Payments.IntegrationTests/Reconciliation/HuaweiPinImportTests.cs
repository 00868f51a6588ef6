using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Audit;
using Payments.Core.Orders;
using Payments.Core.Reconciliation;
using Payments.Core.Text;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.Operations;

namespace Payments.IntegrationTests.Reconciliation;

/// <summary>
/// <c>POST api/ops/reconciliation/huaweipin/{day}</c> on the Server over Azurite: a payment whose callback never
/// arrived goes to a person with the export's row as evidence; other differences, unknown orders and our payments
/// missing from the export are listed; every malformed export is refused whole, naming its row and column, with nothing
/// written; importing the same file again changes nothing more.
/// </summary>
public sealed class HuaweiPinImportTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string Route = "/api/ops/reconciliation/huaweipin/2026-11-22";
    private const string Header = "merchant_oid,amount,status,date\n";
    private static readonly DateOnly Day = new(2026, 11, 22);

    [Fact]
    public async Task Import_PaidRowWhoseCallbackNeverArrived_OrderWaitsForAPersonWithTheRowAsEvidence()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.PendingAsync("hp-lost", PaymentProvider.HuaweiPin);

        var summary = await ImportAsync(ops, Header + "hp-lost,12.50,success,2026-11-22 10:15:00\n");

        var order = (await ops.Orders.FindAsync("hp-lost", default))!.Value;
        Assert.Equal(
            (OrderStatus.NeedsReview, ReviewReason.ProviderReportsPayment),
            (order.Status, order.ReviewReason)
        );
        Assert.Contains("row 2", order.LastError!.Value, StringComparison.Ordinal);
        Assert.Equal(["hp-lost"], Ids(summary.GetProperty("flagged")));
        var evidence = Assert.Single(await EvidenceAsync(ops, "hp-lost"));
        using (var payload = JsonDocument.Parse(evidence.Payload))
        {
            Assert.Equal(
                ("2", "success", "12.50", "2026-11-22"),
                (
                    payload.RootElement.GetProperty("row").GetString(),
                    payload.RootElement.GetProperty("status").GetString(),
                    payload.RootElement.GetProperty("amount").GetString(),
                    payload.RootElement.GetProperty("day").GetString()
                )
            );
        }

        var listed = Assert.Single(await ReconciliationRowsAsync(ops));
        Assert.Equal(
            ("hp-lost", "huaweipin", "status"),
            (
                listed.GetProperty("orderId").GetString(),
                listed.GetProperty("provider").GetString(),
                listed.GetProperty("reason").GetString()
            )
        );
        var needsReview = await ops.AllItemsAsync("/api/ops/attention?category=needs-review");
        Assert.Contains("hp-lost", OrderIds(needsReview));
    }

    [Fact]
    public async Task Import_DayOfEveryKind_EachDifferenceListedAndTheSummaryStoredAsTheRun()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await PaidAsync(ops, "hp-same", 12.50m);
        await PaidAsync(ops, "hp-other-amount", 12.50m);
        await PaidAsync(ops, "hp-not-theirs", 12.50m);
        await PaidAsync(ops, "hp-theirs-failed", 12.50m);
        await ops.PendingAsync("hp-failed", PaymentProvider.HuaweiPin);
        await ops.Updater.UpdateAsync(
            "hp-failed",
            (o, now) => o.Settle(new ProviderVerdict(OrderStatus.Failed, ProviderText.Of("failed"), null), now),
            default
        );
        await ops.PendingAsync("hp-open-unpaid", PaymentProvider.HuaweiPin);
        var csv =
            Header
            + "hp-same,12.50,success,2026-11-22 10:00:00\n"
            + "hp-other-amount,10.00,success,2026-11-22 10:01:00\n"
            + "hp-theirs-failed,12.50,failed,2026-11-22 10:02:00\n"
            + "hp-failed,12.50,SUCCESS,2026-11-22 10:03:00\n"
            + "hp-open-unpaid,12.50,failed,2026-11-22 10:04:00\n"
            + "hp-never-ours,7.00,success,2026-11-22 10:05:00\n";

        var summary = await ImportAsync(ops, csv);

        Assert.Equal(
            (6, 2, 3, "hp-failed", "hp-not-theirs"),
            (
                summary.GetProperty("rowsRead").GetInt32(),
                summary.GetProperty("matched").GetInt32(),
                summary.GetProperty("different").GetInt32(),
                string.Join(",", Ids(summary.GetProperty("flagged"))),
                string.Join(",", Ids(summary.GetProperty("oursMissing")))
            )
        );
        var failed = (await ops.Orders.FindAsync("hp-failed", default))!.Value;
        Assert.Equal((OrderStatus.Failed, ReviewReason.ProviderReportsPayment), (failed.Status, failed.ReviewReason));
        var rows = (await ReconciliationRowsAsync(ops)).ToDictionary(
            r => r.GetProperty("orderId").GetString()!,
            r => r.GetProperty("reason").GetString()
        );
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["hp-other-amount"] = "amount",
                ["hp-theirs-failed"] = "status",
                ["hp-failed"] = "status",
                ["hp-never-ours"] = "order",
                ["hp-not-theirs"] = "order",
            },
            rows
        );
        var log = ops.Services.GetRequiredService<IReconciliationLog>();
        var run = (await log.FindRunAsync(ReconciliationDifference.HuaweiPinImport, Day, default))!.Value.Run;
        Assert.Equal((6, 2, 4, 1, true), (run.Checked, run.Matched, run.Different, run.Unanswered, run.IsDone));
    }

    [Fact]
    public async Task Import_SameFileAgain_ChangesNothingMore()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.PendingAsync("hp-again", PaymentProvider.HuaweiPin);
        await PaidAsync(ops, "hp-again-amount", 12.50m);
        var csv =
            Header
            + "hp-again,12.50,success,2026-11-22 10:15:00\n"
            + "hp-again-amount,9.99,success,2026-11-22 10:16:00\n";
        var first = await ImportAsync(ops, csv);
        var flagged = (await ops.Orders.FindAsync("hp-again", default))!;
        var rowsBefore = await ReconciliationRowsAsync(ops);

        ops.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = await ImportAsync(ops, csv);

        var after = (await ops.Orders.FindAsync("hp-again", default))!;
        Assert.Equal((flagged.Version, flagged.Value.UpdatedAt), (after.Version, after.Value.UpdatedAt));
        Assert.Single(await EvidenceAsync(ops, "hp-again"));
        Assert.Equal(
            rowsBefore.Select(r => r.GetRawText()),
            (await ReconciliationRowsAsync(ops)).Select(r => r.GetRawText())
        );
        Assert.Equal(first.GetRawText(), second.GetRawText());
    }

    [Fact]
    public async Task Import_ByteOrderMarkCrLfAndQuotedFields_Accepted()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.PendingAsync("hp-quoted", PaymentProvider.HuaweiPin);
        var text =
            "\"merchant_oid\",\"amount\",\"status\",\"date\"\r\n"
            + "\"hp-quoted\",\"12.50\",\"success\",\"2026-11-22T13:15:00+03:00\"\r\n";
        var body = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var client = ops.Host.CreateOperatorClient();

        var response = await client.PostAsync(Route, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = (await ops.Orders.FindAsync("hp-quoted", default))!.Value;
        Assert.Equal(ReviewReason.ProviderReportsPayment, order.ReviewReason);
    }

    public static TheoryData<string, string, string> Malformed() =>
        new()
        {
            {
                "unknown column",
                "merchant_oid,amount,status,date,card\nhp-keep,12.50,success,2026-11-22 10:00:00,x\n",
                "header.card"
            },
            { "missing column", "merchant_oid,amount,date\nhp-keep,12.50,2026-11-22 10:00:00\n", "header.status" },
            {
                "duplicate order id",
                Header + "hp-keep,12.50,success,2026-11-22 10:00:00\nhp-keep,12.50,success,2026-11-22 10:01:00\n",
                "row 3.merchant_oid"
            },
            { "amount with a comma", Header + "hp-keep,\"12,50\",success,2026-11-22 10:00:00\n", "row 2.amount" },
            { "amount as a double", Header + "hp-keep,1.25E1,success,2026-11-22 10:00:00\n", "row 2.amount" },
            { "negative amount", Header + "hp-keep,-12.50,success,2026-11-22 10:00:00\n", "row 2.amount" },
            { "time outside the day", Header + "hp-keep,12.50,success,2026-11-21 23:59:59\n", "row 2.date" },
            { "time unreadable", Header + "hp-keep,12.50,success,22/11/2026\n", "row 2.date" },
            { "empty status", Header + "hp-keep,12.50,,2026-11-22 10:00:00\n", "row 2.status" },
            { "too few fields", Header + "hp-keep,12.50,success\n", "row 2" },
            { "quote inside a field", Header + "hp-keep,12.50,succ\"ess,2026-11-22 10:00:00\n", "row 2" },
            { "quote left open", Header + "hp-keep,12.50,\"success,2026-11-22 10:00:00\n", "row 2" },
            { "empty file", "", "file" },
        };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Import_Malformed_400NamingRowAndColumnNothingWritten(string what, string csv, string key)
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.PendingAsync("hp-keep", PaymentProvider.HuaweiPin);
        var good = Header + "hp-keep,12.50,success,2026-11-22 09:00:00\n";

        await AssertRefusedAsync(ops, Route, Csv(csv), key, what);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(ops, Route, Csv(good))).StatusCode);
    }

    [Fact]
    public async Task Import_FutureDay_400NamingTheDayNothingWritten()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.PendingAsync("hp-keep", PaymentProvider.HuaweiPin);

        await AssertRefusedAsync(
            ops,
            "/api/ops/reconciliation/huaweipin/2026-11-23",
            Csv(Header + "hp-keep,12.50,success,2026-11-23 09:00:00\n"),
            "day",
            "future day"
        );
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Import_Oversized_400NamingTheFileNothingWritten(bool declaresLength)
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.PendingAsync("hp-keep", PaymentProvider.HuaweiPin);
        var text = new StringBuilder(Header).Append("hp-keep,12.50,success,2026-11-22 09:00:00\n");
        for (var i = 0; text.Length <= 5 * 1024 * 1024; i++)
        {
            text.Append("hp-filler-").Append(i).Append(",1.00,failed,2026-11-22 09:00:00\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        HttpContent body = declaresLength ? new ByteArrayContent(bytes) : new UnsizedContent(bytes);
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        await AssertRefusedAsync(ops, Route, body, "file", "oversized");
    }

    [Fact]
    public async Task Import_NotCsv_415()
    {
        await using var ops = await OpsServer.StartAsync(azurite);

        var response = await ops.PostAsync(Route, "{}");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private static async Task AssertRefusedAsync(OpsServer ops, string route, HttpContent body, string key, string what)
    {
        var response = await PostAsync(ops, route, body);

        Assert.Equal(
            (HttpStatusCode.BadRequest, "application/problem+json"),
            (response.StatusCode, response.Content.Headers.ContentType!.MediaType)
        );
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(
            problem.RootElement.GetProperty("errors").TryGetProperty(key, out _),
            $"{what}: {problem.RootElement.GetProperty("errors")}"
        );
        var order = (await ops.Orders.FindAsync("hp-keep", default))!.Value;
        Assert.Equal((OrderStatus.Pending, (ReviewReason?)null), (order.Status, order.ReviewReason));
        Assert.Empty(await ReconciliationRowsAsync(ops));
        Assert.Empty(await EvidenceAsync(ops, "hp-keep"));
        var log = ops.Services.GetRequiredService<IReconciliationLog>();
        Assert.Null(await log.FindRunAsync(ReconciliationDifference.HuaweiPinImport, Day, default));
    }

    private static async Task PaidAsync(OpsServer ops, string id, decimal amount)
    {
        await ops.PendingAsync(id, PaymentProvider.HuaweiPin);
        var paid = new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("success"), amount);
        await ops.Updater.UpdateAsync(id, (o, now) => o.Settle(paid, now), default);
    }

    private static async Task<JsonElement> ImportAsync(OpsServer ops, string csv)
    {
        var response = await PostAsync(ops, Route, Csv(csv));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> PostAsync(OpsServer ops, string route, HttpContent body)
    {
        using var client = ops.Host.CreateOperatorClient();
        return await client.PostAsync(route, body);
    }

    private static StringContent Csv(string text) => new(text, new UTF8Encoding(false), "text/csv");

    private static async Task<List<JsonElement>> ReconciliationRowsAsync(OpsServer ops) =>
        await ops.AllItemsAsync("/api/ops/attention?category=reconciliation");

    private static async Task<List<AuditRecord>> EvidenceAsync(OpsServer ops, string orderId) =>
        await ops
            .Services.GetRequiredService<IAuditLog>()
            .ListAsync(orderId, TestOrders.Now, default)
            .Where(r => r.Kind == AuditKinds.ReconciliationEvidence)
            .ToListAsync();

    private static List<string> Ids(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static List<string> OrderIds(IEnumerable<JsonElement> items) => OpsServer.OrderIds(items);

    /// <summary>A body sent chunked, without a Content-Length: the size cap must hold while streaming.</summary>
    private sealed class UnsizedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
