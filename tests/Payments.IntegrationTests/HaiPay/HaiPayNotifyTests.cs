using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Audit;
using Payments.Core.HaiPay;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

[Collection(AzuriteGroup.Name)]
public sealed class HaiPayNotifyTests(AzuriteFixture azurite)
{
    public static TheoryData<string, string, HttpStatusCode> Malformed() => new()
    {
        { "application/json", "{not json", HttpStatusCode.BadRequest },
        { "application/json", "[1,2]", HttpStatusCode.BadRequest },
        { "application/json", "{\"status\":2}", HttpStatusCode.BadRequest },
        { "application/json", "{\"orderId\":\"\"}", HttpStatusCode.BadRequest },
        { "text/plain", "{\"orderId\":\"hpy-notify-malformed\"}", HttpStatusCode.UnsupportedMediaType },
        { "application/json", "{\"orderId\":\"hpy-notify-malformed\",\"status\":2,\"amount\":\"12.50\",\"currency\":\"USD\"}", HttpStatusCode.BadRequest },
        { "application/json", "{\"orderId\":\"hpy-notify-malformed\",\"status\":2,\"currency\":\"USD\",\"sign\":\"AAAA\"}", HttpStatusCode.Unauthorized },
        { "application/json", "{\"orderId\":\"hpy-notify-malformed\",\"status\":2,\"currency\":\"XYZ\",\"sign\":\"AAAA\"}", HttpStatusCode.Unauthorized },
        { "application/json", "{\"orderId\":\"hpy-notify-malformed\",\"pad\":\"" + new string('x', 70_000) + "\"}", HttpStatusCode.RequestEntityTooLarge },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Notify_MalformedOrUnsigned_RejectedAndTheOrderKeepsItsState(string contentType, string body, HttpStatusCode expected)
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, "hpy-notify-malformed");
        var before = await OrderAsync(system, "hpy-notify-malformed");

        var response = await PostAsync(system, new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var after = await OrderAsync(system, "hpy-notify-malformed");
        Assert.Equal((before.Status, before.Amount, before.ReceivedAmount, before.CompletedAt), (after.Status, after.Amount, after.ReceivedAmount, after.CompletedAt));
    }

    [Fact]
    public async Task Notify_SignedWithAnotherKey_401RecordedAndTheOrderIsNotSettledByIt()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, "hpy-notify-forged");
        using var forger = System.Security.Cryptography.RSA.Create(2048);

        var response = await PostAsync(system, Signed(Notification("hpy-notify-forged", 2, "12.50"), forger));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var order = await OrderAsync(system, "hpy-notify-forged");
        Assert.Equal((OrderStatus.Pending, "1"), (order.Status, order.ProviderStatus));
        var audit = await system.Server.Services.GetRequiredService<IAuditLog>().ListAsync("hpy-notify-forged", DateTimeOffset.UtcNow, default).ToListAsync();
        Assert.Equal([AuditKinds.CallbackUnverified], audit.Select(a => a.Kind));
    }

    [Fact]
    public async Task Notify_UnknownFieldsAndNumberText_AreCoveredBySignatureAsReceived()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, "hpy-notify-extra");
        var fields = Notification("hpy-notify-extra", 2, "12.50");
        fields["riskLevel"] = "LOW";
        var signed = await Signed(fields, PlatformKey()).ReadAsStringAsync();
        var withoutExtra = JsonNode.Parse(signed)!.AsObject();
        withoutExtra.Remove("riskLevel");

        var dropped = await PostAsync(system, new StringContent(withoutExtra.ToJsonString(), Encoding.UTF8, "application/json"));
        var reformatted = await PostAsync(system, new StringContent(signed.Replace("\"12.50\"", "12.5", StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        var asNumber = await PostAsync(system, new StringContent(signed.Replace("\"12.50\"", "12.50", StringComparison.Ordinal), Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (dropped.StatusCode, reformatted.StatusCode));
        Assert.Equal("SUCCESS", await asNumber.Content.ReadAsStringAsync());
        Assert.Equal(OrderStatus.Succeeded, (await OrderAsync(system, "hpy-notify-extra")).Status);
    }

    [Fact]
    public async Task Notify_CollectionCarryingEmptyOrNullSubscriptionFields_AppliedAsTheCollection()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, "hpy-notify-empty");
        var fields = Notification("hpy-notify-empty", 2, "12.50");
        fields["subscriptionNo"] = string.Empty;
        fields["subscriptionOrderId"] = null;

        var response = await PostAsync(system, Signed(fields, PlatformKey()));

        Assert.Equal((HttpStatusCode.OK, "SUCCESS"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
        Assert.Equal(OrderStatus.Succeeded, (await OrderAsync(system, "hpy-notify-empty")).Status);
    }

    [Fact]
    public async Task Notify_SignedStatusOutsideHaiPaysVocabulary_NeedsReviewAnswered503ThenSettledByAKnownOne()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, "hpy-notify-unknown-status");

        var unknown = await PostAsync(system, Signed(Notification("hpy-notify-unknown-status", 7, "12.50"), PlatformKey()));
        var flagged = await OrderAsync(system, "hpy-notify-unknown-status");
        var known = await PostAsync(system, Signed(Notification("hpy-notify-unknown-status", 2, "12.50"), PlatformKey()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, unknown.StatusCode);
        Assert.Equal((OrderStatus.NeedsReview, ReviewReasons.UnknownProviderStatus), (flagged.Status, flagged.ReviewReason));
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        var settled = await OrderAsync(system, "hpy-notify-unknown-status");
        Assert.Equal((OrderStatus.Succeeded, (string?)null), (settled.Status, settled.ReviewReason));
    }

    [Fact]
    public async Task Notify_TwentyConcurrentCopies_OneChangeAndTwentySuccess()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, "hpy-notify-burst");
        var body = await Signed(Notification("hpy-notify-burst", 2, "12.50"), PlatformKey()).ReadAsStringAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostAsync(system, new StringContent(body, Encoding.UTF8, "application/json"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync())), text => Assert.Equal("SUCCESS", text));
        var audit = await system.Server.Services.GetRequiredService<IAuditLog>().ListAsync("hpy-notify-burst", DateTimeOffset.UtcNow, default).ToListAsync();
        Assert.Equal([AuditKinds.CallbackApplied], audit.Select(a => a.Kind));
    }

    [Fact]
    public async Task Notify_SignedBodyEchoingCardFields_AuditRowKeepsNoneOfThem()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, "hpy-notify-echo");
        var fields = Notification("hpy-notify-echo", 2, "12.50");
        fields["accountNo"] = "4111111111111111";
        fields["cvv"] = "737";
        fields["expiryMonth"] = "03";
        fields["expiryYear"] = "2030";

        var response = await PostAsync(system, Signed(fields, PlatformKey()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var audit = await system.Server.Services.GetRequiredService<IAuditLog>().ListAsync("hpy-notify-echo", DateTimeOffset.UtcNow, default).ToListAsync();
        var row = Assert.Single(audit);
        Assert.Equal(AuditKinds.CallbackApplied, row.Kind);
        Assert.DoesNotContain("411111111111", row.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("737", row.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("expiry", row.Payload, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"accountNo\":\"1111\"", row.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_SuccessWithAnotherAmount_FlaggedAsAmountMismatch()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, "hpy-notify-mismatch");

        var response = await PostAsync(system, Signed(Notification("hpy-notify-mismatch", 2, "99.00"), PlatformKey()));

        Assert.Equal("SUCCESS", await response.Content.ReadAsStringAsync());
        var order = await OrderAsync(system, "hpy-notify-mismatch");
        Assert.Equal((OrderStatus.NeedsReview, ReviewReasons.AmountMismatch, 99.00m, 12.50m), (order.Status, order.ReviewReason, order.ReceivedAmount, order.Amount));
    }

    [Fact]
    public async Task Notify_ForAnUnknownOrder_AcknowledgedAndRecordedForAnOperator()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);

        var response = await PostAsync(system, Signed(Notification("hpy-never-created", 2, "5.00"), PlatformKey()));

        Assert.Equal("SUCCESS", await response.Content.ReadAsStringAsync());
        var unmatched = await system.Server.Services.GetRequiredService<IAuditLog>().ListAsync(null, DateTimeOffset.UtcNow, default).ToListAsync();
        Assert.Contains(unmatched, a => a.Kind == AuditKinds.CallbackUnmatched && a.Payload.Contains("hpy-never-created", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Notify_FailureAfterSuccess_IsAConflictAndTheSuccessStands()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, "hpy-notify-regress");
        await PostAsync(system, Signed(Notification("hpy-notify-regress", 2, "12.50"), PlatformKey()));

        var response = await PostAsync(system, Signed(Notification("hpy-notify-regress", 3, "12.50"), PlatformKey()));

        Assert.Equal("SUCCESS", await response.Content.ReadAsStringAsync());
        Assert.Equal(OrderStatus.Succeeded, (await OrderAsync(system, "hpy-notify-regress")).Status);
        var audit = await system.Server.Services.GetRequiredService<IAuditLog>().ListAsync("hpy-notify-regress", DateTimeOffset.UtcNow, default).ToListAsync();
        Assert.Equal([AuditKinds.CallbackApplied, AuditKinds.CallbackConflict], audit.Select(a => a.Kind));
    }

    private static JsonObject Notification(string orderId, int status, string amount) => new()
    {
        ["appId"] = PaymentsSystem.HaiPayAppId,
        ["currency"] = "USD",
        ["orderId"] = orderId,
        ["orderNo"] = "6023071013539999",
        ["amount"] = amount,
        ["fee"] = "0.00",
        ["status"] = status,
        ["payTime"] = "2026-11-22 10:00:00",
    };

    private static System.Security.Cryptography.RSA PlatformKey() => HaiPayKeys.PrivateKey(PaymentsSystem.HaiPayKeys.PlatformPrivate);

    private static StringContent Signed(JsonObject fields, System.Security.Cryptography.RSA key)
    {
        using var document = JsonDocument.Parse(fields.ToJsonString());
        fields["sign"] = HaiPaySignature.SignObject(document.RootElement, PaymentsSystem.HaiPayMerchantSecret, key);
        return new StringContent(fields.ToJsonString(), Encoding.UTF8, "application/json");
    }

    private static async Task<HttpResponseMessage> PostAsync(PaymentsSystem system, HttpContent content)
    {
        using var client = system.Server.CreateAnonymousClient();
        return await client.PostAsync("/api/haipay/notify", content);
    }

    private static async Task<PaymentOrder> OrderAsync(PaymentsSystem system, string orderId) =>
        (await system.Server.Services.GetRequiredService<IOrderRepository>().FindAsync(orderId, default))!.Value;
}
