using System.Collections.Concurrent;

namespace Payments.Sandbox.HuaweiPin;

/// <summary>A payment frame the sandbox created, and what happened to its callback.</summary>
public sealed class SandboxFrame(string token, string merchantOid, string clientUsername)
{
    public string Token { get; } = token;
    public string MerchantOid { get; } = merchantOid;
    public string ClientUsername { get; } = clientUsername;
    public string? Status { get; set; }
    public string? Amount { get; set; }
    public ConcurrentQueue<DeliveryAttempt> Deliveries { get; } = new();
}
