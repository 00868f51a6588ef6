using System.Text;
using Payments.Core.Webhooks;

namespace Payments.Core.Tests.Webhooks;

/// <summary>
/// The Standard Webhooks known-answer vector (the specification's own example), reproducible with:
/// <code>
/// key=$(echo -n MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw | base64 -d | xxd -p -c 256)
/// printf '%s' 'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}' | openssl dgst -sha256 -mac HMAC -macopt
/// hexkey:$key -binary | base64
/// </code>
/// </summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"test": 2432232314}""");

    [Fact]
    public void Sign_KnownAnswerVector_Matches() =>
        Assert.Equal(
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            WebhookSignature.Sign([WebhookSignature.KeyOf(Secret)!], Id, Timestamp, Body)
        );

    [Fact]
    public void Sign_TwoKeys_TwoSignaturesSpaceSeparatedCurrentFirst()
    {
        var other = WebhookSignature.KeyOf("whsec_" + Convert.ToBase64String(new byte[32]))!;

        var header = WebhookSignature.Sign([WebhookSignature.KeyOf(Secret)!, other], Id, Timestamp, Body);

        var parts = header.Split(' ');
        Assert.Equal(2, parts.Length);
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", parts[0]);
        Assert.StartsWith("v1,", parts[1], StringComparison.Ordinal);
        Assert.NotEqual(parts[0], parts[1]);
    }

    [Theory]
    [InlineData("id", 1614265330, """{"test": 2432232314}""")]
    [InlineData(Id, 1614265331, """{"test": 2432232314}""")]
    [InlineData(Id, 1614265330, """{"test": 2432232315}""")]
    [InlineData(Id, 1614265330, """{"test":2432232314}""")]
    public void Sign_AnyPartChanged_DifferentSignature(string id, long timestamp, string body) =>
        Assert.NotEqual(
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            WebhookSignature.Sign([WebhookSignature.KeyOf(Secret)!], id, timestamp, Encoding.UTF8.GetBytes(body))
        );

    [Theory]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_")]
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_c2hvcnQ=")]
    [InlineData("WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    public void KeyOf_NotAStandardWebhooksSecret_Null(string secret) => Assert.Null(WebhookSignature.KeyOf(secret));

    [Fact]
    public void KeyOf_ValidSecret_DecodedBytes() => Assert.Equal(24, WebhookSignature.KeyOf(Secret)!.Length);
}
