namespace Payments.Http.Endpoints;

/// <summary>Mirrors Azure Functions' authorization levels for the routes both hosts serve.</summary>
public enum AccessLevel
{
    /// <summary>Provider callbacks and health: the payload's hash or signature is the authentication.</summary>
    Anonymous,

    /// <summary>Merchant-facing: a function key is required.</summary>
    Function,

    /// <summary>
    /// Operator-facing (<c>ops/...</c>): an operator key is required, a function key is refused (Functions: the master
    /// key,
    /// <c>AuthorizationLevel.Admin</c>).
    /// </summary>
    Admin,
}
