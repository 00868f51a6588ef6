using System.Security.Cryptography;
using System.Text.Json;
using Payments.Core.HaiPay;
using Payments.Testing;

namespace Payments.Core.Tests.HaiPay;

/// <summary>
/// Known answers produced by openssl with the test key in Keys/ (<see cref="HaiPayKnownAnswers"/>, shared with the Key
/// Vault signer's tests).
/// </summary>
public sealed class HaiPaySignatureTests
{
    private const string Secret = HaiPayKnownAnswers.Secret;
    private const string Canonical1 = HaiPayKnownAnswers.Canonical1;
    private const string Signature1 = HaiPayKnownAnswers.Signature1;
    private const string Signature2 = HaiPayKnownAnswers.Signature2;

    private static readonly RSA Private = HaiPayKeys.PrivateKey(TestKeys.Pem("merchant-pkcs8.pem"));
    private static readonly RSA Public = HaiPayKeys.PublicKey(TestKeys.Pem("merchant-public.pem"));

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public void StringToSign_SeedShape_SortsDropsSignAndEmptyAppendsKey()
    {
        var body = Json(
            """{"subject":"Test","orderId":"A1","sign":"x","appId":2027,"currency":"USD","amount":"9.99","body":"","phone":null}"""
        );

        Assert.Equal(Canonical1, HaiPayCanonical.StringToSign(body, Secret));
    }

    [Fact]
    public void StringToSign_NumbersKeepTheirLiteralText_ZeroIsKept()
    {
        var body = Json("""{"amount":0.50000000,"status":"2","fee":0,"flag":true}""");

        Assert.Equal("amount=0.50000000&fee=0&flag=true&status=2&key=s", HaiPayCanonical.StringToSign(body, "s"));
    }

    [Fact]
    public void StringToSign_NestedValues_SkippedAndReported()
    {
        var skipped = new List<string>();

        var text = HaiPayCanonical.StringToSign(Json("""{"a":"1","extra":{"x":1},"list":[1]}"""), "s", skipped);

        Assert.Equal("a=1&key=s", text);
        Assert.Equal(["extra", "list"], skipped);
    }

    [Fact]
    public void StringToSign_OrdinalOrder_UpperCaseBeforeLowerCase()
    {
        Assert.Equal("B=2&a=1&key=s", HaiPayCanonical.StringToSign(Json("""{"a":"1","B":"2"}"""), "s"));
    }

    [Theory]
    [InlineData(Canonical1, Signature1)]
    [InlineData(HaiPayKnownAnswers.Canonical2, Signature2)]
    public void Sign_KnownAnswer_MatchesOpenssl(string canonical, string expected)
    {
        Assert.Equal(expected, HaiPaySignature.Sign(canonical, Private));
        Assert.True(HaiPaySignature.Verify(canonical, expected, Public));
    }

    [Theory]
    [InlineData("merchant-pkcs8.pem", false)]
    [InlineData("merchant-pkcs1.pem", false)]
    [InlineData("merchant-pkcs8.pem", true)]
    [InlineData("merchant-pkcs1.pem", true)]
    public void PrivateKey_Pkcs8OrPkcs1_PemOrBareBase64_SignTheSame(string file, bool bare)
    {
        using var key = HaiPayKeys.PrivateKey(bare ? TestKeys.Bare(file) : TestKeys.Pem(file));

        Assert.Equal(Signature1, HaiPaySignature.Sign(Canonical1, key));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PublicKey_PemOrBareBase64_Verifies(bool bare)
    {
        using var key = HaiPayKeys.PublicKey(
            bare ? TestKeys.Bare("merchant-public.pem") : TestKeys.Pem("merchant-public.pem")
        );

        Assert.True(HaiPaySignature.Verify(Canonical1, Signature1, key));
    }

    [Fact]
    public void PublicKey_Pkcs1Form_Verifies()
    {
        var pkcs1 = Convert.ToBase64String(Public.ExportRSAPublicKey());
        using var key = HaiPayKeys.PublicKey(pkcs1);

        Assert.True(HaiPaySignature.Verify(Canonical1, Signature1, key));
    }

    public static TheoryData<string, string> Tampered() =>
        new()
        {
            { "tampered field", """{"amount":"9.98","appId":2027,"currency":"USD","orderId":"A1","subject":"Test"}""" },
            {
                "added field",
                """{"amount":"9.99","appId":2027,"currency":"USD","orderId":"A1","subject":"Test","status":"2"}"""
            },
            {
                "number text 9.990",
                """{"amount":9.990,"appId":2027,"currency":"USD","orderId":"A1","subject":"Test"}"""
            },
            { "removed field", """{"amount":"9.99","appId":2027,"currency":"USD","orderId":"A1"}""" },
        };

    [Theory]
    [MemberData(nameof(Tampered))]
    public void VerifyObject_ChangedContent_Fails(string name, string json)
    {
        var body = Json(json.TrimEnd('}') + $",\"sign\":\"{Signature1}\"}}");

        Assert.False(HaiPaySignature.VerifyObject(body, Secret, Public), name);
    }

    [Fact]
    public void VerifyObject_ReorderedKeysAndEmptyValueAdded_StillVerifies()
    {
        var body = Json(
            $$"""{"subject":"Test","sign":"{{Signature1}}","orderId":"A1","errorMsg":"","currency":"USD","appId":2027,"amount":"9.99"}"""
        );

        Assert.True(HaiPaySignature.VerifyObject(body, Secret, Public));
    }

    [Fact]
    public void Verify_NumberText_0Point50Versus0Point5_Differ()
    {
        var fifty = HaiPayCanonical.StringToSign(Json("""{"amount":0.50}"""), Secret);
        var five = HaiPayCanonical.StringToSign(Json("""{"amount":0.5}"""), Secret);

        Assert.NotEqual(fifty, five);
        Assert.False(HaiPaySignature.Verify(five, HaiPaySignature.Sign(fifty, Private), Public));
    }

    [Fact]
    public void Verify_OtherMerchantSecretOrOtherKey_Fails()
    {
        using var other = RSA.Create(2048);

        Assert.False(
            HaiPaySignature.Verify(
                Canonical1.Replace("merchant-secret-1", "other", StringComparison.Ordinal),
                Signature1,
                Public
            )
        );
        Assert.False(HaiPaySignature.Verify(Canonical1, Signature1, other));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void Verify_MalformedSignature_FailsWithoutThrowing(string signature)
    {
        Assert.False(HaiPaySignature.Verify(Canonical1, signature, Public));
    }

    [Theory]
    [InlineData("not a key")]
    [InlineData("QUJD")]
    public void Keys_Garbage_ThrowsWithoutEchoingTheKey(string text)
    {
        var error = Assert.Throws<CryptographicException>(() => HaiPayKeys.PrivateKey(text));

        Assert.DoesNotContain(text, error.Message, StringComparison.Ordinal);
    }
}
