using System.ComponentModel.DataAnnotations;

namespace Payments.Core.HaiPay;

/// <summary>
/// One HaiPay business id (appId); its keys are the secrets <c>HaiPay-{CCY}-PrivateKey</c>, <c>-MerchantSecret</c>,
/// <c>-PlatformPublicKey</c>.
/// </summary>
public sealed class HaiPayAccount
{
    [Range(1, long.MaxValue)]
    public long AppId { get; set; }
}
