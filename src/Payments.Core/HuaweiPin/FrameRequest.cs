namespace Payments.Core.HuaweiPin;

/// <summary>What GetFrame needs besides our credentials.</summary>
public sealed record FrameRequest(string MerchantOid, string ClientUsername, string ClientIp);
