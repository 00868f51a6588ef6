using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Payments.Core.HaiPay;
using Payments.Core.HuaweiPin;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Chaos;

/// <summary>
/// The test plays the providers: HUAWEIPIN callbacks and HaiPay notifications as they would send them.
/// </summary>
internal static class ProviderMessages
{
    public static Delivery Genuine(string id, OrderStatus status, decimal amount, PaymentProvider provider) =>
        provider == PaymentProvider.HuaweiPin
            ? HuaweiPin(id, status, amount, PaymentsSystem.CallbackKey, null)
            : HaiPay(
                id,
                status,
                amount,
                HaiPayKeys.PrivateKey(PaymentsSystem.HaiPayKeys.PlatformPrivate),
                tamper: false
            );

    public static Delivery HuaweiPin(string id, OrderStatus status, decimal amount, string key, string? hash)
    {
        var body = JsonSerializer.Serialize(
            new Dictionary<string, string>
            {
                ["merchant_oid"] = id,
                ["merchant_callback_privatekey"] = key,
                ["status"] = status == OrderStatus.Succeeded ? "success" : "failed",
                ["amount"] = Amount(amount),
                ["hash"] = hash ?? HuaweiPinHash.Compute(id, Amount(amount), key),
            }
        );
        return new Delivery("/api/huaweipin/callback", body, "OK", Forged: false);
    }

    public static Delivery HaiPay(
        string id,
        OrderStatus status,
        decimal amount,
        System.Security.Cryptography.RSA key,
        bool tamper
    )
    {
        var fields = new JsonObject
        {
            ["appId"] = PaymentsSystem.HaiPayAppId,
            ["currency"] = "USD",
            ["orderId"] = id,
            ["orderNo"] = "70" + id[^3..].PadLeft(14, '0'),
            ["amount"] = Amount(amount),
            ["fee"] = "0.00",
            ["status"] = status == OrderStatus.Succeeded ? 2 : 3,
            ["payTime"] = "2026-11-22 10:00:00",
        };
        using (var document = JsonDocument.Parse(fields.ToJsonString()))
        {
            fields["sign"] = HaiPaySignature.SignObject(document.RootElement, PaymentsSystem.HaiPayMerchantSecret, key);
        }

        if (tamper)
        {
            fields["amount"] = Amount(amount + 100);
        }

        return new Delivery("/api/haipay/notify", fields.ToJsonString(), "SUCCESS", Forged: false);
    }

    public static string Amount(decimal amount) =>
        amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// One provider message: where it goes, its body, the acknowledgement a genuine one gets, whether it is forged.
/// </summary>
internal sealed record Delivery(string Path, string Body, string Ack, bool Forged);
