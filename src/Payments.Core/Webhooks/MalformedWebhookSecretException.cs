namespace Payments.Core.Webhooks;

/// <summary>
/// A configured webhook signing secret is not a Standard Webhooks secret (<c>whsec_</c> followed by at least 24 Base64
/// bytes). The message names the secret, as a Key Vault secret and as a setting; never its value.
/// </summary>
public sealed class MalformedWebhookSecretException(string name)
    : InvalidOperationException(
        $"Secret '{name}' (Key Vault secret {name}, or setting Secrets:{name}) is not a Standard Webhooks secret "
            + "(whsec_ followed by at least 24 Base64 bytes)."
    )
{
    public string Name { get; } = name;
}
