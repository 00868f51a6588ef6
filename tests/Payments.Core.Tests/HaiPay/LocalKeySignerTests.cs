using Payments.Core.HaiPay;
using Payments.Core.Secrets;
using Payments.Testing;
using Payments.Testing.InMemory;

namespace Payments.Core.Tests.HaiPay;

/// <summary>The signer behind <c>HaiPay:Signing</c> = <c>LocalKey</c> meets the openssl known answers.</summary>
public sealed class LocalKeySignerTests
{
    [Theory]
    [InlineData(HaiPayKnownAnswers.Canonical1, HaiPayKnownAnswers.Signature1)]
    [InlineData(HaiPayKnownAnswers.Canonical2, HaiPayKnownAnswers.Signature2)]
    public async Task SignAsync_PrivateKeySecretAsIssued_KnownAnswer(string canonical, string expected)
    {
        var signer = new LocalKeySigner(
            new InMemorySecretStore(
                new Dictionary<string, string>
                {
                    [SecretNames.HaiPayPrivateKey("USD")] = TestKeys.Bare("merchant-pkcs8.pem"),
                }
            )
        );

        Assert.Equal(expected, await signer.SignAsync("usd", canonical, default));
    }
}
