namespace Payments.Http.Endpoints;

/// <summary>One HTTP endpoint both hosts serve; <paramref name="Route"/> is relative to the <c>api</c> prefix.</summary>
public sealed record ApiRoute(string Name, string Method, string Route, AccessLevel Access);
