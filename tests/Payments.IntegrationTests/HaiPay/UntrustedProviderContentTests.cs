using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Audit;
using Payments.Core.HaiPay;
using Payments.Core.HuaweiPin;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

/// <summary>
/// What providers send is untrusted content: a card number as a JSON number, a refusal quoting the CVV and expiry, a
/// card number in a verified callback's order id reach no storage, answer or log; a signed word contradicting a final
/// state is recorded or flagged, never silently acknowledged.
/// </summary>
public sealed class UntrustedProviderContentTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string Card = "4111111111111111";

    /// <summary>
    /// "Card numbers never stored": CardRedaction.Text (the audit payload of every verified HaiPay message) redacts
    /// strings only; a card number HaiPay sends as a JSON number, under any name but accountNo, is stored in full (and,
    /// for an unknown order, copied into the operators' attention row as its Amount).
    /// </summary>
    [Fact]
    public async Task SignedNotification_CardNumberAsAJsonNumber_ReachesNoStorage()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, "atk-numeric-card");
        var fields = HaiPayNotifications.Collection("atk-numeric-card", 2, "12.50");
        fields["payerCardNo"] = JsonValue.Create(4111111111111111L);

        var known = await HaiPayNotifications.PostAsync(system, HaiPayNotifications.Signed(fields));
        var unknown = HaiPayNotifications.Collection("atk-numeric-card-unknown", 2, "12.50");
        unknown["amount"] = JsonValue.Create(4111111111111111L);
        var unmatched = await HaiPayNotifications.PostAsync(system, HaiPayNotifications.Signed(unknown));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (known.StatusCode, unmatched.StatusCode));
        var stored = await StorageScan.AllValuesAsync(system.Server);
        var leaks = stored.Where(v => v.Contains(Card, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "card number stored in: " + string.Join(" | ", leaks));
    }

    /// <summary>
    /// "A verified provider message is always recorded; final states never regress silently": a signed HaiPay message
    /// saying a Succeeded collection is back "in exception" (-1) or "in payment" (1) is answered SUCCESS (HaiPay stops
    /// retrying) and leaves no audit row, no flag, no webhook: PaymentOrder.Settle treats any non-final verdict on a
    /// final order as a repeat (Unchanged), and AuditKinds.Of records nothing for Unchanged.
    /// </summary>
    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public async Task SignedNonFinalStatusAfterSuccess_IsRecordedOrFlagged(int status)
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var id = $"atk-after-success-{(status < 0 ? "m" : "p")}{Math.Abs(status)}";
        await CollectionFlow.CreatedPayUrlAsync(system, id);
        await HaiPayNotifications.PostAsync(
            system,
            HaiPayNotifications.Signed(HaiPayNotifications.Collection(id, 2, "12.50"))
        );
        Assert.Equal(OrderStatus.Succeeded, (await HaiPayNotifications.OrderAsync(system, id)).Status);

        var response = await HaiPayNotifications.PostAsync(
            system,
            HaiPayNotifications.Signed(HaiPayNotifications.Collection(id, status, "12.50"))
        );

        var order = await HaiPayNotifications.OrderAsync(system, id);
        var audit = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync(id, DateTimeOffset.UtcNow, default)
            .ToListAsync();
        var recorded = audit.Count(a => a.Kind != AuditKinds.CallbackUnverified) >= 2;
        var flagged = order.ReviewReason is not null || response.StatusCode != HttpStatusCode.OK;
        Assert.True(
            recorded || flagged,
            $"signed status {status} on a Succeeded order vanished: answered {(int)response.StatusCode}, audit "
                + $"[{string.Join(",", audit.Select(a => a.Kind))}], reason {order.ReviewReason?.Name() ?? "none"}"
        );
    }

    /// <summary>
    /// "CVV and expiry never stored, logged or echoed": ProviderText redacts card numbers and registered secrets only;
    /// a HaiPay refusal that quotes the request's CVV and expiry lands in the order's lastError (storage), in the 502
    /// answer and in the order view. The service knows the CVV of the request it is answering and could remove it; it
    /// does not.
    /// </summary>
    [Fact]
    public async Task HaiPayRefusalQuotingTheCvvAndExpiry_ReachesNoStorageOrAnswer()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(
            new
            {
                apply = "refuse",
                text = $"param error: cvv {CollectionFlow.Cvv} does not match expiry "
                    + $"{CollectionFlow.ExpiryMonth}/{CollectionFlow.ExpiryYear}",
            }
        );

        var refused = await CollectionFlow.CreateAsync(system, CollectionFlow.Request("atk-cvv-echo"));
        var answer = await refused.Content.ReadAsStringAsync();
        using var merchant = system.Server.CreateMerchantClient();
        var view = await merchant.GetStringAsync(new Uri("/api/orders/atk-cvv-echo", UriKind.Relative));
        var stored = await StorageScan.AllValuesAsync(system.Server);

        var cvvLeaks = new[] { ("answer", answer), ("view", view) }
            .Where(p => p.Item2.Contains("cvv " + CollectionFlow.Cvv, StringComparison.Ordinal))
            .Select(p => p.Item1)
            .Concat(
                stored
                    .Where(v => v.Contains("cvv " + CollectionFlow.Cvv, StringComparison.Ordinal))
                    .Select(_ => "storage")
            )
            .ToList();
        Assert.True(cvvLeaks.Count == 0, "CVV echoed in: " + string.Join(", ", cvvLeaks));
    }

    /// <summary>
    /// "Provider text reaches logs only as ProviderText": HuaweiPinCallbackHandler.LogHashForm logs the verified
    /// callback's raw merchant_oid (a string, not ProviderText) before the order is looked up, so a callback for an
    /// unknown order whose merchant_oid carries a card number, hashed in upper-case hex or Base64, writes the full
    /// number to the logs.
    /// </summary>
    [Fact]
    public async Task VerifiedCallbackInUpperCaseHex_CardNumberInMerchantOid_ReachesNoLog()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var oid = $"gift {Card}";
        var body = JsonSerializer.Serialize(
            new Dictionary<string, string>
            {
                ["merchant_oid"] = oid,
                ["merchant_callback_privatekey"] = PaymentsSystem.CallbackKey,
                ["status"] = "success",
                ["amount"] = "10.00",
                ["hash"] = HuaweiPinHash.Compute(oid, "10.00", PaymentsSystem.CallbackKey).ToUpperInvariant(),
            }
        );
        using var client = system.Server.CreateAnonymousClient();

        var response = await client.PostAsync(
            "/api/huaweipin/callback",
            new StringContent(body, Encoding.UTF8, "application/json")
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var leaks = system.Server.Logs.Lines().Where(l => l.Contains(Card, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "card number logged: " + string.Join(" | ", leaks));
    }
}
