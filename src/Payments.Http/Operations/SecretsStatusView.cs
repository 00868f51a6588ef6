namespace Payments.Http.Operations;

/// <summary>The answer of <c>GET api/ops/secrets</c>: secret names only.</summary>
/// <param name="Needed">Every secret the service needs.</param>
/// <param name="Missing">Those absent or blank: set each (docs/deploy.md).</param>
/// <param name="Unreadable">Those the store did not answer for (Key Vault unreachable or access refused).</param>
public sealed record SecretsStatusView(
    IReadOnlyList<string> Needed,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Unreadable
);
