using Payments.Http.RateLimiting;

namespace Payments.IntegrationTests.Api;

/// <summary>
/// Anonymous callers are limited per network, not per address: one IPv6 host is handed a whole /64, so every address in
/// it shares one limit (and one limiter in memory); IPv4, and IPv4 mapped into IPv6, stay per address.
/// </summary>
public sealed class ClientAddressKeyTests
{
    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::5")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::")]
    [InlineData("203.0.113.7", "::ffff:203.0.113.7")]
    public void Of_AddressesOfOneNetwork_OneKey(string first, string second) =>
        Assert.Equal(ClientAddressKey.Of(first), ClientAddressKey.Of(second));

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1")]
    [InlineData("203.0.113.7", "203.0.113.8")]
    public void Of_AddressesOfTwoNetworks_TwoKeys(string first, string second) =>
        Assert.NotEqual(ClientAddressKey.Of(first), ClientAddressKey.Of(second));

    [Fact]
    public void Of_NoAddress_TheTextItself() => Assert.Equal("edge-label", ClientAddressKey.Of("edge-label"));
}
