using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

/// <summary>
/// A HaiPay reply answers the request it came back to only when it echoes the identifiers that request sent (the
/// seed's reply tables list them): a correctly signed reply about another order is no usable answer, and the order
/// asked about stays as it was, to be queried again.
/// </summary>
public sealed class ReplyBindingTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task CollectionQuery_SignedReplyAboutAnotherOrdersSuccess_OrderNotChanged()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { notifications = false });
        await CollectionFlow.CompleteAsync(await CollectionFlow.CreatedPayUrlAsync(system, "bind-q-paid"), "success");
        await CollectionFlow.CreatedPayUrlAsync(system, "bind-q-open");
        await system.SetHaiPayFaultsAsync(new { notifications = false, replyAbout = "bind-q-paid" });

        using var ops = system.Server.CreateOperatorClient();
        await ops.PostAsJsonAsync("/api/ops/sync", new { orderId = "bind-q-open" });

        var stored = await StoredAsync(system, "bind-q-open");
        var atHaiPay = (await system.SandboxPaymentAsync("bind-q-open"))!.Value.GetProperty("orderNo").GetString();
        Assert.Equal((OrderStatus.Pending, atHaiPay), (stored.Status, stored.ProviderReference));
        Assert.Contains(system.Server.Logs.Lines(), l =>
            l.Contains("bind-q-open", StringComparison.Ordinal)
            && l.Contains("orderId is not the one sent", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task CollectionApply_SignedReplyAboutAnotherOrder_UnknownWithoutItsNumberOrPage()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { notifications = false });
        await CollectionFlow.CreatedPayUrlAsync(system, "bind-a-first");
        await system.SetHaiPayFaultsAsync(new { notifications = false, replyAbout = "bind-a-first" });

        var response = await CollectionFlow.CreateAsync(system, CollectionFlow.Request("bind-a-second"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var stored = await StoredAsync(system, "bind-a-second");
        Assert.Equal(
            (OrderStatus.Unknown, null, null),
            (stored.Status, stored.ProviderReference, stored.RedirectUrl?.Value)
        );
    }

    [Fact]
    public async Task SubscriptionQuery_SignedReplyAboutAnotherActiveSubscription_SubscriptionNotChanged()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { notifications = false });
        var activePage = await SubscriptionFlow.CreatedPayUrlAsync(system, "bind-s-active");
        await CollectionFlow.CompleteAsync(activePage, "success");
        await SubscriptionFlow.CreatedPayUrlAsync(system, "bind-s-open");
        await system.SetHaiPayFaultsAsync(new { notifications = false, replyAbout = "bind-s-active" });

        var refreshed = await SubscriptionFlow.GetAsync(system, "bind-s-open", refresh: true);

        var atHaiPay = (await system.SandboxSubscriptionAsync("bind-s-open"))!
            .Value.GetProperty("subscriptionNo")
            .GetString();
        Assert.Equal(
            ("Pending", atHaiPay),
            (refreshed.GetProperty("status").GetString(), refreshed.GetProperty("subscriptionNo").GetString())
        );
    }

    private static async Task<PaymentOrder> StoredAsync(PaymentsSystem system, string id)
    {
        var stored = await system.Server.Services.GetRequiredService<IOrderRepository>().FindAsync(id, default);
        return stored!.Value;
    }
}
