using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Audit;
using Payments.Core.HaiPay;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

/// <summary>
/// A replayed signed notification is recorded "at most once per distinct message", but the message is told apart by its
/// raw JSON text: whitespace, field order and fields the signature drops (empty strings, nulls) make another "distinct"
/// message out of the same signed content, so an anonymous replayer of one notification writes a row per variant.
/// </summary>
public sealed class NotificationReplayVariantTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task Notify_OneSignedStaleNotificationReplayedWithOtherWhitespaceAndEmptyFields_AuditRowsDoNotGrow()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        const string orderId = "hpy-replay-variants";
        await CollectionFlow.CompleteAsync(await CollectionFlow.CreatedPayUrlAsync(system, orderId), "success");
        await system.WaitForStatusAsync(orderId, "Succeeded");
        var fields = new JsonObject
        {
            ["appId"] = PaymentsSystem.HaiPayAppId,
            ["currency"] = "USD",
            ["orderId"] = orderId,
            ["orderNo"] = "6023071013539999",
            ["amount"] = "12.50",
            ["fee"] = "0.00",
            ["status"] = 1,
            ["payTime"] = "2026-11-22 10:00:00",
        };
        using (var document = JsonDocument.Parse(fields.ToJsonString()))
        using (var key = HaiPayKeys.PrivateKey(PaymentsSystem.HaiPayKeys.PlatformPrivate))
        {
            fields["sign"] = HaiPaySignature.SignObject(document.RootElement, PaymentsSystem.HaiPayMerchantSecret, key);
        }

        var signed = fields.ToJsonString();
        using var client = system.Server.CreateAnonymousClient();

        for (var i = 0; i < 40; i++)
        {
            // The same signed fields: i spaces of whitespace, and an empty field the signature drops.
            var variant = "{" + new string(' ', i) + $"\"x{i}\":\"\"," + signed[1..];
            var response = await client.PostAsync(
                new Uri("/api/haipay/notify", UriKind.Relative),
                new StringContent(variant, Encoding.UTF8, "application/json")
            );
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var audit = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync(orderId, DateTimeOffset.UtcNow, default)
            .ToListAsync();
        var stale = audit.Count(a => a.Kind == AuditKinds.CallbackStale);
        Assert.True(stale <= 1, $"{stale} callback-stale rows for one replayed notification");
    }
}
