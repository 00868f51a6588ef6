using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Payments.Core.HaiPay;
using Payments.Core.Orders;

namespace Payments.Core.Tests.HaiPay;

/// <summary>
/// Property: any signed HaiPay message, plus any number of extra fields whose value is <c>""</c> or <c>null</c> (a
/// generic-map sender writing every field it knows), is read exactly like the message without them: the signature
/// verifies the same, the message is classified the same (which order, subscription or charge) and says the same thing
/// about the money. 2,000 seeded cases; a failure prints its seed and body.
/// </summary>
public sealed class EmptyFieldsPropertyTests
{
    private const string Secret = "property-merchant-secret";
    private static readonly RSA Private = HaiPayKeys.PrivateKey(TestKeys.Pem("merchant-pkcs8.pem"));
    private static readonly RSA Public = HaiPayKeys.PublicKey(TestKeys.Pem("merchant-public.pem"));

    private static readonly string[] KnownFields =
    [
        "subscriptionNo",
        "subscriptionOrderId",
        "orderId",
        "orderNo",
        "amount",
        "actualAmount",
        "fee",
        "status",
        "payTime",
        "errorMsg",
        "currency",
        "appId",
        "payUrl",
        "refundNo",
        "remark",
        "extra",
    ];

    private static readonly Func<JsonObject>[] Messages =
    [
        () =>
            new JsonObject
            {
                ["appId"] = 1054,
                ["currency"] = "USD",
                ["orderId"] = "A1",
                ["orderNo"] = "602",
                ["amount"] = "12.50",
                ["fee"] = "0.10",
                ["status"] = 2,
                ["payTime"] = "2026-12-07 10:00:00",
            },
        () =>
            new JsonObject
            {
                ["appId"] = 1054,
                ["orderId"] = "A2",
                ["orderNo"] = "603",
                ["amount"] = 12.5,
                ["actualAmount"] = "6.25",
                ["status"] = "4",
            },
        () =>
            new JsonObject
            {
                ["orderId"] = "A3",
                ["status"] = 3,
                ["errorMsg"] = "declined",
            },
        () =>
            new JsonObject
            {
                ["subscriptionOrderId"] = "S1",
                ["subscriptionNo"] = "4025",
                ["status"] = "2",
            },
        () =>
            new JsonObject
            {
                ["subscriptionOrderId"] = "S1",
                ["orderId"] = "4025-1-1",
                ["orderNo"] = "700",
                ["amount"] = "9.99",
                ["status"] = 2,
            },
        () =>
            new JsonObject
            {
                ["subscriptionNo"] = "4025",
                ["orderNo"] = "701",
                ["amount"] = "9.99",
                ["status"] = 3,
            },
    ];

    [Fact]
    public void SignedMessagePlusEmptyOrNullFields_ReadExactlyAsWithoutThem()
    {
        for (var seed = 0; seed < 2_000; seed++)
        {
            var random = new Random(seed);
            var plain = Signed(Messages[random.Next(Messages.Length)]());
            var padded = WithEmptyExtras(plain, random);
            using var plainDocument = JsonDocument.Parse(plain.ToJsonString());
            using var paddedDocument = JsonDocument.Parse(padded.ToJsonString());
            var (a, b) = (plainDocument.RootElement, paddedDocument.RootElement);
            var context = $"seed {seed}: {padded.ToJsonString()}";

            Assert.True(HaiPaySignature.VerifyObject(b, Secret, Public), context);
            Assert.Equal(Describe(NotificationMessage.Read(a)), Describe(NotificationMessage.Read(b)));
            foreach (
                var kind in new[]
                {
                    OrderKind.Payment,
                    OrderKind.Refund,
                    OrderKind.Subscription,
                    OrderKind.SubscriptionCharge,
                }
            )
            {
                var order = Order(kind);
                Assert.Equal(HaiPayVerdicts.Read(a, order), HaiPayVerdicts.Read(b, order));
            }
        }
    }

    private static JsonObject Signed(JsonObject fields)
    {
        using var document = JsonDocument.Parse(fields.ToJsonString());
        fields["sign"] = HaiPaySignature.SignObject(document.RootElement, Secret, Private);
        return fields;
    }

    /// <summary>
    /// The message with extra empty or null fields, some replacing none of its own, at random places.
    /// </summary>
    private static JsonObject WithEmptyExtras(JsonObject message, Random random)
    {
        var entries = message.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value?.DeepClone())).ToList();
        var extras = random.Next(1, 6);
        for (var i = 0; i < extras; i++)
        {
            var name = KnownFields[random.Next(KnownFields.Length)];
            if (entries.Any(e => e.Key == name))
            {
                continue;
            }

            JsonNode? value = random.Next(2) == 0 ? JsonValue.Create(string.Empty) : null;
            entries.Insert(random.Next(entries.Count + 1), new(name, value));
        }

        return new JsonObject(entries);
    }

    private static string Describe(NotificationMessage message) =>
        $"{message.OrderId}|{message.IsSubscription}|{message.ChargeNo}|{message.SubscriptionNo}|"
        + string.Join(",", message.Errors?.ToDictionary().Keys ?? []);

    private static PaymentOrder Order(OrderKind kind) =>
        PaymentOrder.Create(
            new NewOrder("A1", PaymentProvider.HaiPay, "fp", null, 12.50m, "USD", Kind: kind),
            DateTimeOffset.UnixEpoch
        );
}
