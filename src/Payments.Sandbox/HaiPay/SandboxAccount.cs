using System.Security.Cryptography;

namespace Payments.Sandbox.HaiPay;

/// <summary>
/// One merchant account at HaiPay: a currency with its own appId, merchant secret and merchant key. Collections and
/// refunds belong to the account they were made on; another account's calls do not see them.
/// </summary>
public sealed class SandboxAccount(string currency, long appId, string merchantSecret, RSA? merchantKey) : IDisposable
{
    public string Currency { get; } = currency;
    public long AppId { get; } = appId;
    public string MerchantSecret { get; } = merchantSecret;

    /// <summary>Null when no merchant key is configured: every request is then refused as unsigned.</summary>
    public RSA? MerchantKey { get; } = merchantKey;

    public void Dispose() => MerchantKey?.Dispose();
}
