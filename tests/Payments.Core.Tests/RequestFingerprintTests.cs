using System.Text;
using System.Text.Json;

namespace Payments.Core.Tests;

/// <summary>
/// A card counts in a request's fingerprint only through a digest keyed with the fingerprint key: two cards that share
/// their last four digits and expiry differ, the same card does not, and without the key the card cannot be tested.
/// </summary>
public sealed class RequestFingerprintTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("unit-test-fingerprint-key-0123456789abcdef");
    private static readonly byte[] OtherKey = Encoding.UTF8.GetBytes("another-fingerprint-key-0123456789abcdefgh");

    [Fact]
    public void OfJsonRequest_TwoCardsWithTheSameLastFourAndExpiry_Differ() =>
        Assert.NotEqual(Of(Body("4000056655665556"), Key), Of(Body("4111111111145556"), Key));

    [Fact]
    public void OfJsonRequest_SameCardAnotherCvv_Same() =>
        Assert.Equal(Of(Body("4000056655665556", cvv: "123"), Key), Of(Body("4000056655665556", cvv: "999"), Key));

    [Fact]
    public void OfJsonRequest_SameCardAnotherExpiry_Differ() =>
        Assert.NotEqual(Of(Body("4000056655665556"), Key), Of(Body("4000056655665556", month: "12"), Key));

    [Fact]
    public void OfJsonRequest_SameCardAnotherKey_Differ() =>
        Assert.NotEqual(Of(Body("4000056655665556"), Key), Of(Body("4000056655665556"), OtherKey));

    [Fact]
    public void OfJsonRequest_CardNestedOrInAnotherLetterCase_Keyed() =>
        Assert.NotEqual(
            Of("""{"payment":{"ACCOUNTNO":"4000056655665556"}}""", Key),
            Of("""{"payment":{"ACCOUNTNO":"4111111111145556"}}""", Key)
        );

    /// <summary>A body without card data is fingerprinted as before cards were keyed: the key plays no part.</summary>
    [Fact]
    public void OfJsonRequest_NoCardData_KeyPlaysNoPart()
    {
        const string body = """{"orderId":"f-1","username":"alice"}""";
        var canonical = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));

        Assert.Equal(RequestFingerprint.Of("POST", "/api/huaweipin/frames", string.Empty, canonical), Of(body, Key));
        Assert.Equal(Of(body, Key), Of(body, OtherKey));
    }

    private static string Body(string number, string month = "11", string cvv = "123") =>
        JsonSerializer.Serialize(
            new
            {
                orderId = "c-1",
                amount = "12.50",
                accountNo = number,
                expiryMonth = month,
                expiryYear = "2031",
                cvv,
            }
        );

    private static string Of(string body, byte[] key) =>
        RequestFingerprint.OfJsonRequest(
            "POST",
            "/api/huaweipin/frames",
            string.Empty,
            Encoding.UTF8.GetBytes(body),
            key
        )!;
}
