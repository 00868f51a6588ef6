using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Payments.Client.Webhooks;
using Payments.Core.Webhooks;

namespace Payments.Client.Tests.Webhooks;

/// <summary>
/// The verifier against the Standard Webhooks reference vector, the service's own signer, rotation, tolerance and
/// tampering.
/// </summary>
public sealed class WebhookVerifierTests
{
    // The reference vector of the Standard Webhooks libraries (standard-webhooks/standard-webhooks,
    // libraries/python/tests/test_webhooks.py, test_sign_function).
    private const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string SpecId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long SpecTimestamp = 1614265330;
    private const string SpecSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly byte[] SpecBody = """{"test": 2432232314}"""u8.ToArray();

    // A notification as the service sends it: the Server's secret, its event id form and body shape.
    private const string ServiceSecret = "whsec_c2FuZGJveC13ZWJob29rLXNpZ25pbmctc2VjcmV0LTAx";
    private const string NewSecret = "whsec_bmV3LXdlYmhvb2stc2lnbmluZy1zZWNyZXQtMDI=";
    private const string EventId = "evt_0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private const long EventTimestamp = 1796558400;
    private static readonly byte[] EventBody = Encoding.UTF8.GetBytes(
        "{\"type\":\"order.succeeded\",\"timestamp\":\"2026-12-07T12:00:00+00:00\",\"data\":{\"orderId\":\"ord-1\","
            + "\"provider\":\"HuaweiPin\",\"kind\":\"Payment\",\"status\":\"Succeeded\",\"amount\":\"12.50\","
            + "\"currency\":\"USD\",\"checks\":0,\"createdAt\":\"2026-12-07T11:59:00+00:00\","
            + "\"updatedAt\":\"2026-12-07T12:00:00+00:00\"}}"
    );

    // Computed apart from both codes: openssl dgst -sha256 -hmac sandbox-webhook-signing-secret-01 -binary over
    // "{EventId}.1796558400.{EventBody}", Base64.
    private const string ServiceSignature = "v1,GpcvZtEXkp1kbuRrBJrRMQTh8z94SAfsSn8MrR0DkLs=";

    [Fact]
    public void SpecVector_Verifies()
    {
        var verifier = new WebhookVerifier(SpecSecret, At(SpecTimestamp));

        verifier.VerifySignature(SpecId, "1614265330", SpecSignature, SpecBody);
    }

    [Fact]
    public void SpecVector_SecretWithoutPrefix_Verifies()
    {
        var verifier = new WebhookVerifier(SpecSecret["whsec_".Length..], At(SpecTimestamp));

        verifier.VerifySignature(SpecId, "1614265330", SpecSignature, SpecBody);
    }

    [Fact]
    public void ServiceSigner_KnownAnswer_AndTheVerifierReadsTheEvent()
    {
        var signed = WebhookSignature.Sign(
            [WebhookSignature.KeyOf(ServiceSecret)!],
            EventId,
            EventTimestamp,
            EventBody
        );
        var verifier = new WebhookVerifier(ServiceSecret, At(EventTimestamp));

        var received = verifier.Verify(EventId, "1796558400", signed, EventBody);

        Assert.Equal(ServiceSignature, signed);
        Assert.Equal(
            (EventId, "order.succeeded", "ord-1", "Succeeded", 12.50m),
            (received.Id, received.Type, received.Data.OrderId, received.Data.Status, received.Data.Amount)
        );
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Rotation_TwoSignaturesEitherOrder_EachSecretAloneVerifies(bool newFirst)
    {
        var keys = new[] { WebhookSignature.KeyOf(ServiceSecret)!, WebhookSignature.KeyOf(NewSecret)! };
        var header = WebhookSignature.Sign(newFirst ? keys.Reverse() : keys, EventId, EventTimestamp, EventBody);

        Assert.Equal(2, header.Split(' ').Length);
        foreach (var secret in new[] { ServiceSecret, NewSecret })
        {
            new WebhookVerifier(secret, At(EventTimestamp)).Verify(EventId, "1796558400", header, EventBody);
        }
    }

    [Fact]
    public void Rotation_VerifierHoldingBothSecrets_AcceptsEitherSignatureAlone()
    {
        var verifier = new WebhookVerifier([NewSecret, ServiceSecret], At(EventTimestamp));

        foreach (var secret in new[] { ServiceSecret, NewSecret })
        {
            var header = WebhookSignature.Sign([WebhookSignature.KeyOf(secret)!], EventId, EventTimestamp, EventBody);
            verifier.Verify(EventId, "1796558400", header, EventBody);
        }
    }

    [Theory]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    public void Timestamp_WithinFiveMinutesEitherWay_Accepted(long offset, bool accepted)
    {
        var verifier = new WebhookVerifier(SpecSecret, At(SpecTimestamp + offset));

        var error = Record.Exception(() => verifier.VerifySignature(SpecId, "1614265330", SpecSignature, SpecBody));

        Assert.Equal(accepted, error is null);
        Assert.True(error is null or WebhookVerificationException);
    }

    [Theory]
    [InlineData(null, "1614265330", SpecSignature, """{"test": 2432232314}""")]
    [InlineData(SpecId, null, SpecSignature, """{"test": 2432232314}""")]
    [InlineData(SpecId, "1614265330", null, """{"test": 2432232314}""")]
    [InlineData(SpecId, "1614265330x", SpecSignature, """{"test": 2432232314}""")]
    [InlineData(SpecId, "1614265330", SpecSignature, """{"test": 2432232315}""")]
    [InlineData("msg_p5jXN8AQM9LWM0D4loKWxJeK", "1614265330", SpecSignature, """{"test": 2432232314}""")]
    [InlineData(SpecId, "1614265330", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=", """{"test": 2432232314}""")]
    [InlineData(SpecId, "1614265330", "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", """{"test": 2432232314}""")]
    [InlineData(SpecId, "1614265330", "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", """{"test": 2432232314}""")]
    [InlineData(SpecId, "1614265330", "v1,g0hM9SsE+OTPJTGt", """{"test": 2432232314}""")]
    [InlineData(SpecId, "1614265330", "v1,not base64!", """{"test": 2432232314}""")]
    public void Tampered_Refused(string? id, string? timestamp, string? signature, string body)
    {
        var verifier = new WebhookVerifier(SpecSecret, At(SpecTimestamp));

        Assert.Throws<WebhookVerificationException>(() =>
            verifier.VerifySignature(id, timestamp, signature, Encoding.UTF8.GetBytes(body))
        );
    }

    [Fact]
    public void WrongSecret_Refused()
    {
        var other = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var verifier = new WebhookVerifier(other, At(SpecTimestamp));

        Assert.Throws<WebhookVerificationException>(() =>
            verifier.VerifySignature(SpecId, "1614265330", SpecSignature, SpecBody)
        );
    }

    [Fact]
    public void SignedBodyThatIsNoEvent_RefusedByVerifyButNotByVerifySignature()
    {
        var verifier = new WebhookVerifier(SpecSecret, At(SpecTimestamp));

        verifier.VerifySignature(SpecId, "1614265330", SpecSignature, SpecBody);
        Assert.Throws<WebhookVerificationException>(() =>
            verifier.Verify(SpecId, "1614265330", SpecSignature, SpecBody)
        );
    }

    [Theory]
    [InlineData("whsec_")]
    [InlineData("whsec_not*base64")]
    public void BadSecret_RefusedAtConstruction(string secret) =>
        Assert.Throws<ArgumentException>(() => new WebhookVerifier(secret));

    private static FakeTimeProvider At(long unixSeconds) => new(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));
}
