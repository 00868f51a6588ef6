namespace Payments.Core.HuaweiPin;

/// <summary>A merchant's request for a payment frame (already validated).</summary>
public sealed record CreateFrameCommand(string OrderId, string Username, string CustomerIp)
{
    public string Fingerprint => RequestFingerprint.Of("huaweipin-frame", Username, CustomerIp);
}
