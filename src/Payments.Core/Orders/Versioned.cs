namespace Payments.Core.Orders;

/// <summary>A stored value with the opaque version (ETag) its next compare-and-swap must match.</summary>
public sealed record Versioned<T>(T Value, string Version);
