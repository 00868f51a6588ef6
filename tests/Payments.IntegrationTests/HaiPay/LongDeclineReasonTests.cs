using System.Net;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

/// <summary>
/// A signed decline whose <c>errorMsg</c> is longer than a Table property holds (32K characters; the notification
/// itself is within the route's 64 KB) is still HaiPay's word: the order ends Failed with its reason shortened, or
/// goes to a person while HaiPay is told to retry; never a 500 that leaves it Pending.
/// </summary>
public sealed class LongDeclineReasonTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task SignedDecline_WithAReasonLongerThanAStoredProperty_RecordedNot500()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, "hpy-long-reason");
        var fields = HaiPayNotifications.Collection("hpy-long-reason", 3, "12.50");
        fields["errorMsg"] = "card declined by issuer: " + new string('x', 40_000);

        var response = await HaiPayNotifications.PostAsync(
            system,
            HaiPayNotifications.Signed(fields, HaiPayNotifications.PlatformKey())
        );
        var order = await HaiPayNotifications.OrderAsync(system, "hpy-long-reason");

        Assert.True(
            response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable,
            $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        Assert.True(
            order.Status is OrderStatus.Failed || order.ReviewReason is not null,
            $"the order is {order.Status} with no review reason"
        );
    }
}
