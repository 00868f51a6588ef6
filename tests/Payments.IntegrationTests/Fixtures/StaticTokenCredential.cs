using System.Collections.Concurrent;
using Azure.Core;

namespace Payments.IntegrationTests.Fixtures;

/// <summary>
/// Stands in for managed identity (no Entra ID here): hands out the emulator's token and records the scopes asked for.
/// </summary>
public sealed class StaticTokenCredential : TokenCredential
{
    private readonly ConcurrentQueue<string> scopes = new();

    public IReadOnlyCollection<string> Scopes => scopes;

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        foreach (var scope in requestContext.Scopes)
        {
            scopes.Enqueue(scope);
        }

        return new AccessToken(KeyVaultEmulator.Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(
        TokenRequestContext requestContext,
        CancellationToken cancellationToken
    ) => ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
