using Payments.Core.HuaweiPin;

namespace Payments.Core.Tests.HuaweiPin;

/// <summary>
/// Known answers computed outside .NET. Regenerate with:
///   printf '%s' 'ORDER-1001' '150.00' 'cb-key-123' | sha256sum
///   printf '%s' 'ünï-42' '9.5' 'k' | sha256sum                       (UTF-8 terminal)
///   printf '%s' 'ORDER-1001' '150.00' 'cb-key-123' | openssl dgst -sha256 -binary | base64
/// </summary>
public sealed class HuaweiPinHashTests
{
    private const string Known = "576261f36d9758351b6d8c82f61960e58aa14b1da7f2a31f2eddb8b5bb4fb90f";

    [Theory]
    [InlineData("ORDER-1001", "150.00", "cb-key-123", Known)]
    [InlineData("ünï-42", "9.5", "k", "f9f573b62be32ec410b664cf2c0e04bd3e8335cf67434254c85d919d4e3e5189")]
    public void Compute_KnownInputs_MatchesSha256sum(string oid, string amount, string key, string expected)
    {
        Assert.Equal(expected, HuaweiPinHash.Compute(oid, amount, key));
    }

    [Theory]
    [InlineData(Known, HashForm.LowerHex)]
    [InlineData("576261F36D9758351B6D8C82F61960E58AA14B1DA7F2A31F2EDDB8B5BB4FB90F", HashForm.UpperHex)]
    [InlineData("V2Jh822XWDUbbYyC9hlg5YqhSx2n8qMfLt24tbtPuQ8=", HashForm.Base64)]
    public void Verify_AcceptedEncodings_ReportsWhichMatched(string hash, HashForm form)
    {
        Assert.Equal(form, HuaweiPinHash.Verify("ORDER-1001", "150.00", "cb-key-123", hash));
    }

    [Theory]
    [InlineData("ORDER-1001", "150", "cb-key-123", Known)]
    [InlineData("ORDER-1001", "150.0", "cb-key-123", Known)]
    [InlineData("ORDER-1002", "150.00", "cb-key-123", Known)]
    [InlineData("ORDER-1001", "150.00", "other-key", Known)]
    [InlineData("ORDER-1001", "150.00", "cb-key-123", "")]
    [InlineData(
        "ORDER-1001",
        "150.00",
        "cb-key-123",
        "576261f36d9758351b6d8c82f61960e58aa14b1da7f2a31f2eddb8b5bb4fb90"
    )]
    [InlineData(
        "ORDER-1001",
        "150.00",
        "cb-key-123",
        "576261f36d9758351b6d8c82f61960e58aa14b1da7f2a31f2eddb8b5bb4fb90f0"
    )]
    [InlineData(
        "ORDER-1001",
        "150.00",
        "cb-key-123",
        "zz6261f36d9758351b6d8c82f61960e58aa14b1da7f2a31f2eddb8b5bb4fb90f"
    )]
    [InlineData("ORDER-1001", "150.00", "cb-key-123", "not base64 at all, but forty-four chars long")]
    public void Verify_AnythingElse_IsNone(string oid, string amount, string key, string hash)
    {
        Assert.Equal(HashForm.None, HuaweiPinHash.Verify(oid, amount, key, hash));
    }

    [Theory]
    [InlineData("secret", "secret", true)]
    [InlineData("secret", "Secret", false)]
    [InlineData("secret", "secret ", false)]
    [InlineData("secret", "", false)]
    public void SecretEquals_ComparesExactly(string expected, string received, bool equal)
    {
        Assert.Equal(equal, ConstantTime.SecretEquals(expected, received));
    }
}
