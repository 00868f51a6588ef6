using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Payments.Bench.Infrastructure;
using Payments.Core.HaiPay;
using Payments.Core.HuaweiPin;

namespace Payments.Bench.Workloads;

/// <summary>The requests the bench replays: as the providers send callbacks and notifications, as a merchant creates frames.</summary>
public static class Messages
{
    public const decimal CollectionAmount = 12.50m;

    /// <summary>HaiPay's order number for a seeded collection: "70" and 14 digits derived from its id.</summary>
    public static string OrderNo(string id) =>
        "70" + (BitConverter.ToUInt64(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id))) % 100_000_000_000_000UL).ToString("D14", CultureInfo.InvariantCulture);

    /// <summary>A successful HUAWEIPIN callback for a seeded frame.</summary>
    public static Request Callback(string id)
    {
        const string amount = "25.00";
        var body = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["merchant_oid"] = id,
            ["merchant_callback_privatekey"] = BenchSystem.CallbackKey,
            ["status"] = "success",
            ["amount"] = amount,
            ["hash"] = HuaweiPinHash.Compute(id, amount, BenchSystem.CallbackKey),
        });
        return new Request("/api/huaweipin/callback", body);
    }

    /// <summary>A signed HaiPay "paid" notification for a seeded collection.</summary>
    public static Request Notification(string id, RSA platformKey)
    {
        var fields = new JsonObject
        {
            ["appId"] = BenchSystem.AppId,
            ["currency"] = "USD",
            ["orderId"] = id,
            ["orderNo"] = OrderNo(id),
            ["amount"] = CollectionAmount.ToString("0.00", CultureInfo.InvariantCulture),
            ["fee"] = "0.00",
            ["status"] = 2,
            ["payTime"] = "2026-11-22 10:00:00",
        };
        using (var document = JsonDocument.Parse(fields.ToJsonString()))
        {
            fields["sign"] = HaiPaySignature.SignObject(document.RootElement, BenchSystem.MerchantSecret, platformKey);
        }

        return new Request("/api/haipay/notify", fields.ToJsonString());
    }

    /// <summary>A merchant's card collection request (the sandbox's test card).</summary>
    public static Dictionary<string, string> CollectionRequest(string id) => new()
    {
        ["orderId"] = id,
        ["amount"] = CollectionAmount.ToString("0.00", CultureInfo.InvariantCulture),
        ["name"] = "Bench Buyer",
        ["email"] = "buyer@example.com",
        ["clientType"] = "WEB",
        ["accountNo"] = "4000056655665556",
        ["expiryMonth"] = "11",
        ["expiryYear"] = "2031",
        ["cvv"] = "234",
        ["referer"] = "https://shop.example/cart",
        ["callBackUrl"] = "https://shop.example/paid",
        ["userAgent"] = "bench",
        ["customerIp"] = "203.0.113.7",
        ["subject"] = "Bench",
        ["partnerUserId"] = "bench-user",
    };

    /// <summary>A merchant's frame creation with its own order id.</summary>
    public static Request Frame(string id) =>
        new("/api/huaweipin/frames", JsonSerializer.Serialize(new { orderId = id, username = "bench-user", customerIp = "203.0.113.7" }));
}

/// <summary>One POST: where it goes and its JSON body.</summary>
public sealed record Request(string Path, string Body);
