using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Payments.Core.HaiPay;
using Payments.Core.Orders;
using Payments.Core.Tests.HaiPay;
using Payments.Core.Text;

namespace Payments.Core.Tests.HaiPay;

/// <summary>A signature over one received message never verifies another meaning of the same string to sign.</summary>
public sealed class SignatureBoundaryTests
{
    private const string Secret = "merchant-secret-1";

    // HaiPay's string-to-sign is key=value joined by '&' without any escaping, and the service accepts any field
    // value, so a signature over one object also verifies a different object whose field boundaries are moved. If any
    // field HaiPay signs echoes text a customer or merchant chose (a remark, a product name, an error message quoting
    // input) and sorts just before "status", a signed FAILED notification can be re-split into a verifying SUCCESS
    // notification.
    [Fact]
    public void VerifyObject_FieldBoundariesMovedInsideASignedMessage_DoesNotVerifyAnotherMeaning()
    {
        using var platform = RSA.Create(2048);
        var genuine = new JsonObject
        {
            ["amount"] = "12.50",
            ["appId"] = "1054",
            ["currency"] = "USD",
            ["orderId"] = "A1",
            ["orderNo"] = "7000000000000001",
            ["remark"] = "gift&status=2&statusz=", // text the attacker got echoed
            ["status"] = "3", // HaiPay says: FAILED
            ["subject"] = "Order A1",
        };
        using (var document = JsonDocument.Parse(genuine.ToJsonString()))
        {
            genuine["sign"] = HaiPaySignature.SignObject(document.RootElement, Secret, platform);
        }

        var forged = new JsonObject
        {
            ["amount"] = "12.50",
            ["appId"] = "1054",
            ["currency"] = "USD",
            ["orderId"] = "A1",
            ["orderNo"] = "7000000000000001",
            ["remark"] = "gift",
            ["status"] = "2", // now reads SUCCESS
            ["statusz"] = "&status=3",
            ["subject"] = "Order A1",
            ["sign"] = genuine["sign"]!.GetValue<string>(),
        };
        using var forgedDocument = JsonDocument.Parse(forged.ToJsonString());
        var order = new PaymentOrder
        {
            Id = "A1",
            Provider = PaymentProvider.HaiPay,
            Status = OrderStatus.Pending,
            RequestFingerprint = "f",
            CreatedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch,
            Amount = 12.50m,
            Currency = "USD",
        };

        var verifies = HaiPaySignature.VerifyObject(forgedDocument.RootElement, Secret, platform);
        var readsAs = HaiPayVerdicts.Read(forgedDocument.RootElement, order).Outcome;

        Assert.False(
            verifies && readsAs == OrderStatus.Succeeded,
            "a signed FAILED message re-split verifies and reads Succeeded"
        );
    }

    // Only a reply HaiPay sends over our own TLS call may hold a link with a query string; a received notification
    // whose payUrl holds '&' could be re-split like any other value.
    [Fact]
    public void VerifyObject_PayUrlWithAmpersand_VerifiesOnlyAsAReply()
    {
        using var platform = RSA.Create(2048);
        var fields = new JsonObject
        {
            ["orderId"] = "A1",
            ["payUrl"] = "https://pay.example/?a=1&status=2",
            ["status"] = "3",
        };
        using (var document = JsonDocument.Parse(fields.ToJsonString()))
        {
            fields["sign"] = HaiPaySignature.SignObject(document.RootElement, Secret, platform);
        }

        using var signed = JsonDocument.Parse(fields.ToJsonString());

        Assert.False(HaiPaySignature.VerifyObject(signed.RootElement, Secret, platform));
        Assert.True(HaiPaySignature.VerifyObject(signed.RootElement, Secret, platform, reply: true));
    }
}
