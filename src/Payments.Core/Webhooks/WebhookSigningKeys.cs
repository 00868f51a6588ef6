using Payments.Core.Secrets;

namespace Payments.Core.Webhooks;

/// <summary>
/// The keys notifications are signed with: the current secret, and the previous one while it is still set (rotation).
/// </summary>
public sealed class WebhookSigningKeys(ISecretStore secrets)
{
    /// <exception cref="SecretNotFoundException">No current signing secret is configured.</exception>
    /// <exception cref="MalformedWebhookSecretException">A configured secret is not a <c>whsec_</c> secret.</exception>
    public async Task<IReadOnlyList<byte[]>> GetAsync(CancellationToken cancellationToken)
    {
        var keys = new List<byte[]> { await KeyAsync(SecretNames.WebhookSigningSecret, cancellationToken) };
        try
        {
            keys.Add(await KeyAsync(SecretNames.WebhookPreviousSigningSecret, cancellationToken));
        }
        catch (SecretNotFoundException)
        {
            // No rotation in progress: one signature.
        }

        return keys;
    }

    private async Task<byte[]> KeyAsync(string name, CancellationToken cancellationToken) =>
        WebhookSignature.KeyOf(await secrets.GetAsync(name, cancellationToken))
        ?? throw new MalformedWebhookSecretException(name);
}
