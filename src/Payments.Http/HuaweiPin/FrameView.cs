namespace Payments.Http.HuaweiPin;

/// <summary>The answer to a frame request.</summary>
public sealed record FrameView(string OrderId, string Status, string? IframeUrl);
