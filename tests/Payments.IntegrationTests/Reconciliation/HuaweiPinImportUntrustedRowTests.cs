using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Orders;
using Payments.Core.Reconciliation;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.Operations;

namespace Payments.IntegrationTests.Reconciliation;

/// <summary>
/// A HUAWEIPIN export is provider text: an order id we do not hold, in any characters the reader accepts, is listed
/// (never a failed import after partial writes); a body that is not UTF-8 is refused whole; a row dated before one of
/// our orders existed is no evidence that it was paid.
/// </summary>
public sealed class HuaweiPinImportUntrustedRowTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string Route = "/api/ops/reconciliation/huaweipin/2026-11-22";
    private const string Header = "merchant_oid,amount,status,date\n";

    [Fact]
    public async Task Import_PaidRowForAnUnknownOrderWithALongMultiByteId_ListedAndTheRunStored()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        var unknownId = new string('€', 128);

        var response = await PostAsync(ops, Route, Csv(Header + unknownId + ",7.00,success,2026-11-22 10:05:00\n"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        var listed = Assert.Single(await ops.AllItemsAsync("/api/ops/attention?category=reconciliation"));
        Assert.Equal("order", listed.GetProperty("reason").GetString());
        var log = ops.Services.GetRequiredService<IReconciliationLog>();
        Assert.NotNull(
            await log.FindRunAsync(ReconciliationDifference.HuaweiPinImport, new DateOnly(2026, 11, 22), default)
        );
    }

    [Fact]
    public async Task Import_Utf16WithByteOrderMark_400NotUtf8NothingWritten()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.PendingAsync("hp-utf16", PaymentProvider.HuaweiPin);
        var csv = Header + "hp-utf16,12.50,success,2026-11-22 10:15:00\n";
        var body = new ByteArrayContent([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(csv)]);
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };

        var response = await PostAsync(ops, Route, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("file", out _));
        var order = (await ops.Orders.FindAsync("hp-utf16", default))!.Value;
        Assert.Equal(OrderStatus.Pending, order.Status);
    }

    [Fact]
    public async Task Import_PaidRowOfADayBeforeTheOrderExisted_OrderNotHandedToAPerson()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.PendingAsync("hp-later", PaymentProvider.HuaweiPin);

        var response = await PostAsync(
            ops,
            "/api/ops/reconciliation/huaweipin/2026-11-20",
            Csv(Header + "hp-later,12.50,success,2026-11-20 10:15:00\n")
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = (await ops.Orders.FindAsync("hp-later", default))!.Value;
        Assert.True(order.CreatedAt > new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal((OrderStatus.Pending, (ReviewReason?)null), (order.Status, order.ReviewReason));
    }

    private static async Task<HttpResponseMessage> PostAsync(OpsServer ops, string route, HttpContent body)
    {
        using var client = ops.Host.CreateOperatorClient();
        return await client.PostAsync(route, body);
    }

    private static StringContent Csv(string text) => new(text, new UTF8Encoding(false), "text/csv");
}
