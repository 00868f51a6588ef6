namespace Payments.Core.Telemetry;

/// <summary>The <c>provider</c> tag of the payments metrics.</summary>
public static class ProviderNames
{
    public const string HuaweiPin = "huaweipin";
    public const string HaiPay = "haipay";
}
