namespace Payments.Azure.Secrets;

/// <summary>
/// Key Vault secrets (section <c>KeyVault</c>; checked at start by <see cref="KeyVaultOptionsValidator"/>). Without
/// <see cref="VaultUri"/> secrets come from configuration section <c>Secrets</c>.
/// </summary>
public sealed class KeyVaultOptions
{
    public const string Section = "KeyVault";

    /// <summary>
    /// The vault, e.g. <c>https://kv-payments.vault.azure.net/</c>; reached with managed identity. Default: none.
    /// </summary>
    public Uri? VaultUri { get; set; }

    /// <summary>
    /// How long a secret is used before it is read again (rotation without restart). Default 30 minutes.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The least time between two reads of one secret when a rejection asks for a fresh value, so forged callbacks
    /// cannot drive vault traffic (Key Vault allows about 4,000 reads per 10 s per vault); also how long a secret the
    /// vault does not have is taken as absent before it is asked for again. Default 30 seconds.
    /// </summary>
    public TimeSpan MinRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Per-attempt network timeout of a vault read (the client retries twice). Default 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
