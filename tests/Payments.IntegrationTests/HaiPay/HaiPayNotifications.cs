using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.HaiPay;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

/// <summary>
/// The test plays HaiPay's notifier: a collection notification's fields, signed as HaiPay signs, posted anonymously.
/// </summary>
internal static class HaiPayNotifications
{
    public static JsonObject Collection(
        string orderId,
        int status,
        string amount,
        string orderNo = "6023071013539999"
    ) =>
        new()
        {
            ["appId"] = PaymentsSystem.HaiPayAppId,
            ["currency"] = "USD",
            ["orderId"] = orderId,
            ["orderNo"] = orderNo,
            ["amount"] = amount,
            ["fee"] = "0.00",
            ["status"] = status,
            ["payTime"] = "2026-11-22 10:00:00",
        };

    public static RSA PlatformKey() => HaiPayKeys.PrivateKey(PaymentsSystem.HaiPayKeys.PlatformPrivate);

    /// <summary>
    /// The fields with <c>sign</c> added by <paramref name="key"/> (HaiPay's platform key unless another is given).
    /// </summary>
    public static StringContent Signed(JsonObject fields, RSA? key = null)
    {
        using var owned = key is null ? PlatformKey() : null;
        using var document = JsonDocument.Parse(fields.ToJsonString());
        fields["sign"] = HaiPaySignature.SignObject(
            document.RootElement,
            PaymentsSystem.HaiPayMerchantSecret,
            key ?? owned!
        );
        return new StringContent(fields.ToJsonString(), Encoding.UTF8, "application/json");
    }

    public static async Task<HttpResponseMessage> PostAsync(PaymentsSystem system, HttpContent content)
    {
        using var client = system.Server.CreateAnonymousClient();
        return await client.PostAsync(new Uri("/api/haipay/notify", UriKind.Relative), content);
    }

    public static async Task<PaymentOrder> OrderAsync(PaymentsSystem system, string orderId) =>
        (await system.Server.Services.GetRequiredService<IOrderRepository>().FindAsync(orderId, default))!.Value;
}
