using Payments.Client.Models;
using Payments.Client.Tests.Fixtures;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;
using Payments.IntegrationTests.HuaweiPin;

namespace Payments.Client.Tests.Api;

/// <summary>
/// The client against the real Server, the provider sandbox and Azurite: every merchant flow. Every answer the client
/// reads is also checked against docs/openapi.json (<see cref="ContractCheckingHandler"/>).
/// </summary>
public sealed class PaymentsClientFlowTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task Frame_CreatedRepeatedPaidAndRead()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        using var http = new HttpClient(new ContractCheckingHandler());
        var client = Requests.ClientFor(system.Server, http);

        var frame = await client.CreateFrameAsync(Requests.Frame("pc-frame"));
        var again = await client.CreateFrameAsync(Requests.Frame("pc-frame"));
        await FrameFlow.PayAsync(frame.IframeUrl!, "100.00", "success");
        var order = await Eventually.ReadAsync(
            () => client.GetOrderAsync("pc-frame"),
            o => o.Status == OrderStatuses.Succeeded
        );

        Assert.Equal(("pc-frame", OrderStatuses.Pending), (frame.OrderId, frame.Status));
        Assert.Equal(frame, again);
        Assert.Equal(("HuaweiPin", "Payment", 100.00m), (order.Provider, order.Kind, order.Amount));
        Assert.NotNull(order.CompletedAt);
    }

    [Fact]
    public async Task Frame_WithoutOrderId_SameIdempotencyKeyGivesTheSameOrder()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        using var http = new HttpClient(new ContractCheckingHandler());
        var client = Requests.ClientFor(system.Server, http);

        var first = await client.CreateFrameAsync(Requests.Frame(null), idempotencyKey: "cart-77");
        var retry = await client.CreateFrameAsync(Requests.Frame(null), idempotencyKey: "cart-77");
        var other = await client.CreateFrameAsync(Requests.Frame(null));

        Assert.Equal(first, retry);
        Assert.StartsWith("hwp_", first.OrderId, StringComparison.Ordinal);
        Assert.NotEqual(first.OrderId, other.OrderId);
    }

    [Fact]
    public async Task Collection_PaidRefundedSynced()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        using var http = new HttpClient(new ContractCheckingHandler());
        var client = Requests.ClientFor(system.Server, http);

        var created = await client.CreateCollectionAsync(Requests.Collection("pc-col"));
        await CollectionFlow.CompleteAsync(created.PayUrl!, "success");
        var paid = await Eventually.ReadAsync(
            () => client.GetCollectionAsync("pc-col"),
            c => c.Status == OrderStatuses.Succeeded
        );
        var refund = await client.RefundCollectionAsync("pc-col");
        var refundAgain = await client.RefundCollectionAsync("pc-col");
        var refunded = await client.GetCollectionAsync("pc-col");
        var synced = await client.SyncOrderAsync("pc-col");

        Assert.Equal((OrderStatuses.Pending, "5556", 12.50m), (created.Status, created.CardLast4, created.Amount));
        Assert.Equal(("USD", null), (paid.Currency, paid.Refund));
        Assert.Equal(("pc-col", 12.50m), (refund.CollectionId, refund.Amount));
        Assert.Equal(refund.RefundId, refundAgain.RefundId);
        Assert.Equal(refund.RefundId, refunded.Refund?.RefundId);
        Assert.Equal(("pc-col", OrderStatuses.Succeeded), (synced.OrderId, synced.Status));
    }

    [Fact]
    public async Task Subscription_CreatedActivatedCanceled()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        using var http = new HttpClient(new ContractCheckingHandler());
        var client = Requests.ClientFor(system.Server, http);

        var created = await client.CreateSubscriptionAsync(Requests.Subscription("pc-sub"));
        await CollectionFlow.CompleteAsync(created.PayUrl!, "success");
        var active = await Eventually.ReadAsync(
            () => client.GetSubscriptionAsync("pc-sub", refresh: true),
            s => s.Status == OrderStatuses.Active
        );
        var canceled = await client.CancelSubscriptionAsync("pc-sub");
        var read = await client.GetSubscriptionAsync("pc-sub");

        Assert.Equal((OrderStatuses.Pending, 9.99m, "D", 1), Summary(created));
        Assert.NotNull(created.SubscriptionNo);
        Assert.Equal(created.SubscriptionNo, active.SubscriptionNo);
        Assert.Equal(OrderStatuses.Canceled, canceled.Status);
        Assert.Equal(OrderStatuses.Canceled, read.Status);
        Assert.All(read.Charges, c => Assert.StartsWith("pc-sub~", c.OrderId, StringComparison.Ordinal));
    }

    private static (string, decimal?, string?, int?) Summary(Subscription s) =>
        (s.Status, s.Amount, s.RecurringInterval, s.RecurringIntervalCount);
}
