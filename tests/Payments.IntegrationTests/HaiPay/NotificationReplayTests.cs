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
/// A HaiPay notification's signature carries no time and no nonce, and the notify endpoint is anonymous: whoever has
/// seen one signed notification (a proxy log, a mirrored request) can send it again for ever. Its verdict is
/// idempotent, but what it writes must be bounded as for any anonymous traffic.
/// </summary>
public sealed class NotificationReplayTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task Notify_OneSignedStaleNotificationReplayed40Times_AuditRowsDoNotGrowWithTheReplays()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        const string orderId = "hpy-replay-stale";
        await CollectionFlow.CompleteAsync(await CollectionFlow.CreatedPayUrlAsync(system, orderId), "success");
        await system.WaitForStatusAsync(orderId, "Succeeded");
        var signed = Signed(
            new JsonObject
            {
                ["appId"] = PaymentsSystem.HaiPayAppId,
                ["currency"] = "USD",
                ["orderId"] = orderId,
                ["orderNo"] = "6023071013539999",
                ["amount"] = "12.50",
                ["fee"] = "0.00",
                ["status"] = 1,
                ["payTime"] = "2026-11-22 10:00:00",
            }
        );
        using var client = system.Server.CreateAnonymousClient();

        for (var i = 0; i < 40; i++)
        {
            var response = await client.PostAsync(
                new Uri("/api/haipay/notify", UriKind.Relative),
                new StringContent(signed, Encoding.UTF8, "application/json")
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

    private static string Signed(JsonObject fields)
    {
        using var document = JsonDocument.Parse(fields.ToJsonString());
        using var key = HaiPayKeys.PrivateKey(PaymentsSystem.HaiPayKeys.PlatformPrivate);
        fields["sign"] = HaiPaySignature.SignObject(document.RootElement, PaymentsSystem.HaiPayMerchantSecret, key);
        return fields.ToJsonString();
    }
}
