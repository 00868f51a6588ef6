namespace Payments.Http.Operations;

/// <summary>What <c>POST api/ops/sync</c> asks for: one order now, or (null) one poll cycle.</summary>
public sealed record SyncTarget(string? OrderId);
