namespace Payments.Core.HaiPay;

/// <summary>
/// Signs a HaiPay request's string to sign (<see cref="HaiPayCanonical.StringToSign"/>) with one account's merchant
/// private key: SHA256WithRSA (RSASSA-PKCS1-v1_5, SHA-256), standard Base64 with padding. Chosen once from
/// <see cref="HaiPayOptions.Signing"/>.
/// </summary>
public interface IHaiPaySigner
{
    /// <exception cref="HaiPaySigningException">No signature could be made; the request must not be sent.</exception>
    Task<string> SignAsync(string currency, string stringToSign, CancellationToken cancellationToken);

    /// <summary>HaiPay refused our signature: the key may have been rotated.</summary>
    /// <returns>True when the next <see cref="SignAsync"/> reads the key again.</returns>
    bool Invalidate(string currency);
}
