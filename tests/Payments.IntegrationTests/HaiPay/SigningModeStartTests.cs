using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

/// <summary>
/// A blank <c>HaiPay:Signing</c> (an app setting left empty) names no signing mode: it fails start naming the setting
/// rather than quietly signing with the private key secret.
/// </summary>
public sealed class SigningModeStartTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task Start_BlankSigningMode_FailsNamingTheSetting(string mode)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var server = await ServerHost.StartAsync(
                azurite,
                new Dictionary<string, string?> { ["HaiPay:Signing"] = mode }
            );
        });

        Assert.Contains("HaiPay:Signing", failure.Message, StringComparison.Ordinal);
    }
}
