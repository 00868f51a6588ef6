using System.Security.Cryptography;
using System.Text;
using Payments.Core.Idempotency;

namespace Payments.Core.Tests.Idempotency;

/// <summary>
/// An <c>Idempotency-Key</c> is 1 to 255 visible ASCII characters, maybe quoted; it derives an order id.
/// </summary>
public sealed class IdempotencyKeyTests
{
    [Theory]
    [InlineData("k", "k")]
    [InlineData("\"key-1\"", "key-1")]
    [InlineData("a~!{}", "a~!{}")]
    public void Parse_VisibleAscii_TheKeyWithoutQuotes(string raw, string expected) =>
        Assert.Equal(expected, IdempotencyKey.Parse(raw)!.Value);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\"\"")]
    [InlineData("has space")]
    [InlineData("tab\t")]
    [InlineData("ünï")]
    public void Parse_NotAKey_Null(string? raw) => Assert.Null(IdempotencyKey.Parse(raw));

    [Fact]
    public void Parse_255Characters_AKey256Not()
    {
        Assert.NotNull(IdempotencyKey.Parse(new string('k', IdempotencyKey.MaxLength)));
        Assert.Null(IdempotencyKey.Parse(new string('k', IdempotencyKey.MaxLength + 1)));
    }

    [Fact]
    public void OrderId_PrefixAndFirst40HexDigitsOfSha256OverTheKey()
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes("frame-derived"));
        var expected = "hwp_" + Convert.ToHexStringLower(digest)[..40];

        Assert.Equal(expected, IdempotencyKey.Parse("frame-derived")!.OrderId("hwp_"));
        Assert.Equal(expected, IdempotencyKey.Parse("\"frame-derived\"")!.OrderId("hwp_"));
        Assert.Equal(44, expected.Length);
    }
}
