using Payments.Client;
using Payments.Client.Models;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;

namespace Payments.Client.Tests.Fixtures;

/// <summary>Valid merchant requests (the sandbox's test card) and a client for a running Server.</summary>
internal static class Requests
{
    public static PaymentsClient ClientFor(ServerHost server, HttpClient http) =>
        new(http, new PaymentsClientOptions { BaseAddress = server.BaseAddress, FunctionKey = ServerHost.FunctionKey });

    public static CreateFrameRequest Frame(string? orderId) =>
        new()
        {
            OrderId = orderId,
            Username = "customer-1",
            CustomerIp = "203.0.113.7",
        };

    public static CreateCollectionRequest Collection(string? orderId, decimal amount = 12.50m) =>
        new()
        {
            OrderId = orderId,
            Amount = amount,
            Name = "Donald John Trump",
            Email = "buyer@example.com",
            Phone = "09123456789",
            Country = "PH",
            ClientType = "WEB",
            AccountNo = CollectionFlow.CardNumber,
            ExpiryMonth = CollectionFlow.ExpiryMonth,
            ExpiryYear = CollectionFlow.ExpiryYear,
            Cvv = CollectionFlow.Cvv,
            Referer = "https://shop.example.com/checkout",
            CallBackUrl = "https://shop.example.com/paid",
            UserAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/114.0",
            CustomerIp = "142.250.191.174",
            Subject = "iPhone 16 ProMax 256G",
            PartnerUserId = "user-9527",
        };

    public static CreateSubscriptionRequest Subscription(string? subscriptionId)
    {
        var card = Collection(null, 9.99m);
        return new()
        {
            SubscriptionOrderId = subscriptionId,
            RecurringInterval = "D",
            RecurringIntervalCount = 1,
            Amount = card.Amount,
            Name = card.Name,
            Email = card.Email,
            Phone = card.Phone,
            Country = card.Country,
            ClientType = card.ClientType,
            AccountNo = card.AccountNo,
            ExpiryMonth = card.ExpiryMonth,
            ExpiryYear = card.ExpiryYear,
            Cvv = card.Cvv,
            Referer = card.Referer,
            CallBackUrl = card.CallBackUrl,
            UserAgent = card.UserAgent,
            CustomerIp = card.CustomerIp,
            Subject = card.Subject,
            PartnerUserId = card.PartnerUserId,
        };
    }
}
