using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Security;

/// <summary>
/// <c>Operators:Authentication</c> decides who opens the operator routes, so like every mode setting it is checked on
/// start: a value that names no mode (a number outside the enum, blank) stops the host with a message naming the
/// setting, never left to be read later as some mode.
/// </summary>
public sealed class OperatorAuthenticationModeStartTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Theory]
    [InlineData("7")]
    [InlineData("-1")]
    [InlineData("")]
    [InlineData(" ")]
    public async Task Start_OperatorAuthenticationNamingNoMode_FailsNamingTheSetting(string mode)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var server = await ServerHost.StartAsync(
                azurite,
                new Dictionary<string, string?> { ["Operators:Authentication"] = mode }
            );
        });

        Assert.Contains("Operators:Authentication", failure.Message, StringComparison.Ordinal);
    }
}
