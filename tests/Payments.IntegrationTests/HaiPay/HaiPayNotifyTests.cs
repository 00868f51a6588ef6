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

public sealed class HaiPayNotifyTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    public static TheoryData<string, string, HttpStatusCode> Malformed() =>
        new()
        {
            { "application/json", "{not json", HttpStatusCode.BadRequest },
            { "application/json", "[1,2]", HttpStatusCode.BadRequest },
            { "application/json", "{\"status\":2}", HttpStatusCode.BadRequest },
            { "application/json", "{\"orderId\":\"\"}", HttpStatusCode.BadRequest },
            { "text/plain", "{\"orderId\":\"hpy-notify-malformed\"}", HttpStatusCode.UnsupportedMediaType },
            {
                "application/json",
                "{\"orderId\":\"hpy-notify-malformed\",\"status\":2,\"amount\":\"12.50\",\"currency\":\"USD\"}",
                HttpStatusCode.BadRequest
            },
            {
                "application/json",
                "{\"orderId\":\"hpy-notify-malformed\",\"status\":2,\"currency\":\"USD\",\"sign\":\"AAAA\"}",
                HttpStatusCode.Unauthorized
            },
            {
                "application/json",
                "{\"orderId\":\"hpy-notify-malformed\",\"status\":2,\"currency\":\"XYZ\",\"sign\":\"AAAA\"}",
                HttpStatusCode.Unauthorized
            },
            {
                "application/json",
                "{\"orderId\":\"hpy-notify-malformed\",\"pad\":\"" + new string('x', 70_000) + "\"}",
                HttpStatusCode.RequestEntityTooLarge
            },
        };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Notify_MalformedOrUnsigned_RejectedAndTheOrderKeepsItsState(
        string contentType,
        string body,
        HttpStatusCode expected
    )
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, "hpy-notify-malformed");
        var before = await HaiPayNotifications.OrderAsync(system, "hpy-notify-malformed");

        var response = await HaiPayNotifications.PostAsync(system, new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var after = await HaiPayNotifications.OrderAsync(system, "hpy-notify-malformed");
        Assert.Equal(
            (before.Status, before.Amount, before.ReceivedAmount, before.CompletedAt),
            (after.Status, after.Amount, after.ReceivedAmount, after.CompletedAt)
        );
    }

    [Fact]
    public async Task Notify_SignedWithAnotherKey_401RecordedAndTheOrderIsNotSettledByIt()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, "hpy-notify-forged");
        using var forger = System.Security.Cryptography.RSA.Create(2048);

        var response = await HaiPayNotifications.PostAsync(
            system,
            HaiPayNotifications.Signed(HaiPayNotifications.Collection("hpy-notify-forged", 2, "12.50"), forger)
        );

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var order = await HaiPayNotifications.OrderAsync(system, "hpy-notify-forged");
        Assert.Equal((OrderStatus.Pending, "1"), (order.Status, order.ProviderStatus));
        var audit = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync("hpy-notify-forged", DateTimeOffset.UtcNow, default)
            .ToListAsync();
        Assert.Equal([AuditKinds.CallbackUnverified], audit.Select(a => a.Kind));
    }

    [Fact]
    public async Task Notify_UnknownFieldsAndNumberText_AreCoveredBySignatureAsReceived()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, "hpy-notify-extra");
        var fields = HaiPayNotifications.Collection("hpy-notify-extra", 2, "12.50");
        fields["riskLevel"] = "LOW";
        var signed = await HaiPayNotifications.Signed(fields, HaiPayNotifications.PlatformKey()).ReadAsStringAsync();
        var withoutExtra = JsonNode.Parse(signed)!.AsObject();
        withoutExtra.Remove("riskLevel");

        var dropped = await HaiPayNotifications.PostAsync(
            system,
            new StringContent(withoutExtra.ToJsonString(), Encoding.UTF8, "application/json")
        );
        var reformatted = await HaiPayNotifications.PostAsync(
            system,
            new StringContent(
                signed.Replace("\"12.50\"", "12.5", StringComparison.Ordinal),
                Encoding.UTF8,
                "application/json"
            )
        );
        var asNumber = await HaiPayNotifications.PostAsync(
            system,
            new StringContent(
                signed.Replace("\"12.50\"", "12.50", StringComparison.Ordinal),
                Encoding.UTF8,
                "application/json"
            )
        );

        Assert.Equal(
            (HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized),
            (dropped.StatusCode, reformatted.StatusCode)
        );
        Assert.Equal("SUCCESS", await asNumber.Content.ReadAsStringAsync());
        Assert.Equal(OrderStatus.Succeeded, (await HaiPayNotifications.OrderAsync(system, "hpy-notify-extra")).Status);
    }

    [Fact]
    public async Task Notify_CollectionCarryingEmptyOrNullSubscriptionFields_AppliedAsTheCollection()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, "hpy-notify-empty");
        var fields = HaiPayNotifications.Collection("hpy-notify-empty", 2, "12.50");
        fields["subscriptionNo"] = string.Empty;
        fields["subscriptionOrderId"] = null;

        var response = await HaiPayNotifications.PostAsync(
            system,
            HaiPayNotifications.Signed(fields, HaiPayNotifications.PlatformKey())
        );

        Assert.Equal((HttpStatusCode.OK, "SUCCESS"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
        Assert.Equal(OrderStatus.Succeeded, (await HaiPayNotifications.OrderAsync(system, "hpy-notify-empty")).Status);
    }

    [Fact]
    public async Task Notify_SignedStatusOutsideHaiPaysVocabulary_NeedsReviewAnswered503ThenSettledByAKnownOne()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, "hpy-notify-unknown-status");

        var unknown = await HaiPayNotifications.PostAsync(
            system,
            HaiPayNotifications.Signed(
                HaiPayNotifications.Collection("hpy-notify-unknown-status", 7, "12.50"),
                HaiPayNotifications.PlatformKey()
            )
        );
        var flagged = await HaiPayNotifications.OrderAsync(system, "hpy-notify-unknown-status");
        var known = await HaiPayNotifications.PostAsync(
            system,
            HaiPayNotifications.Signed(
                HaiPayNotifications.Collection("hpy-notify-unknown-status", 2, "12.50"),
                HaiPayNotifications.PlatformKey()
            )
        );

        Assert.Equal(HttpStatusCode.ServiceUnavailable, unknown.StatusCode);
        Assert.Equal(
            (OrderStatus.NeedsReview, ReviewReason.UnknownProviderStatus),
            (flagged.Status, flagged.ReviewReason)
        );
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        var settled = await HaiPayNotifications.OrderAsync(system, "hpy-notify-unknown-status");
        Assert.Equal((OrderStatus.Succeeded, (ReviewReason?)null), (settled.Status, settled.ReviewReason));
    }

    [Fact]
    public async Task Notify_TwentyConcurrentCopies_OneChangeAndTwentySuccess()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, "hpy-notify-burst");
        var body = await HaiPayNotifications
            .Signed(HaiPayNotifications.Collection("hpy-notify-burst", 2, "12.50"), HaiPayNotifications.PlatformKey())
            .ReadAsStringAsync();

        var responses = await Task.WhenAll(
            Enumerable
                .Range(0, 20)
                .Select(_ =>
                    HaiPayNotifications.PostAsync(system, new StringContent(body, Encoding.UTF8, "application/json"))
                )
        );

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync())), text =>
            Assert.Equal("SUCCESS", text)
        );
        var audit = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync("hpy-notify-burst", DateTimeOffset.UtcNow, default)
            .ToListAsync();
        Assert.Equal([AuditKinds.CallbackApplied], audit.Select(a => a.Kind));
    }

    [Fact]
    public async Task Notify_SignedBodyEchoingCardFields_AuditRowKeepsNoneOfThem()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, "hpy-notify-echo");
        var fields = HaiPayNotifications.Collection("hpy-notify-echo", 2, "12.50");
        fields["accountNo"] = "4111111111111111";
        fields["cvv"] = "737";
        fields["expiryMonth"] = "03";
        fields["expiryYear"] = "2030";

        var response = await HaiPayNotifications.PostAsync(
            system,
            HaiPayNotifications.Signed(fields, HaiPayNotifications.PlatformKey())
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var audit = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync("hpy-notify-echo", DateTimeOffset.UtcNow, default)
            .ToListAsync();
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

        var response = await HaiPayNotifications.PostAsync(
            system,
            HaiPayNotifications.Signed(
                HaiPayNotifications.Collection("hpy-notify-mismatch", 2, "99.00"),
                HaiPayNotifications.PlatformKey()
            )
        );

        Assert.Equal("SUCCESS", await response.Content.ReadAsStringAsync());
        var order = await HaiPayNotifications.OrderAsync(system, "hpy-notify-mismatch");
        Assert.Equal(
            (OrderStatus.NeedsReview, ReviewReason.AmountMismatch, 99.00m, 12.50m),
            (order.Status, order.ReviewReason, order.ReceivedAmount, order.Amount)
        );
    }

    [Fact]
    public async Task Notify_ForAnUnknownOrder_AcknowledgedAndRecordedForAnOperator()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);

        var response = await HaiPayNotifications.PostAsync(
            system,
            HaiPayNotifications.Signed(
                HaiPayNotifications.Collection("hpy-never-created", 2, "5.00"),
                HaiPayNotifications.PlatformKey()
            )
        );

        Assert.Equal("SUCCESS", await response.Content.ReadAsStringAsync());
        var unmatched = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync(null, DateTimeOffset.UtcNow, default)
            .ToListAsync();
        Assert.Contains(unmatched, a =>
            a.Kind == AuditKinds.CallbackUnmatched && a.Payload.Contains("hpy-never-created", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Notify_FailureAfterSuccess_IsAConflictAndTheSuccessStands()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, "hpy-notify-regress");
        await HaiPayNotifications.PostAsync(
            system,
            HaiPayNotifications.Signed(
                HaiPayNotifications.Collection("hpy-notify-regress", 2, "12.50"),
                HaiPayNotifications.PlatformKey()
            )
        );

        var response = await HaiPayNotifications.PostAsync(
            system,
            HaiPayNotifications.Signed(
                HaiPayNotifications.Collection("hpy-notify-regress", 3, "12.50"),
                HaiPayNotifications.PlatformKey()
            )
        );

        Assert.Equal("SUCCESS", await response.Content.ReadAsStringAsync());
        Assert.Equal(
            OrderStatus.Succeeded,
            (await HaiPayNotifications.OrderAsync(system, "hpy-notify-regress")).Status
        );
        var audit = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync("hpy-notify-regress", DateTimeOffset.UtcNow, default)
            .ToListAsync();
        Assert.Equal([AuditKinds.CallbackApplied, AuditKinds.CallbackConflict], audit.Select(a => a.Kind));
    }
}
