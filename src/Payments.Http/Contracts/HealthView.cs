namespace Payments.Http.Contracts;

/// <summary>The body of a healthy <c>GET /api/health</c>.</summary>
public sealed record HealthView(string Status);
