namespace Payments.Http.Endpoints;

/// <summary>Who may call a route both hosts serve; the Functions host enforces <see cref="Function"/> itself.</summary>
public enum AccessLevel
{
    /// <summary>Provider callbacks and health: the payload's hash or signature is the authentication.</summary>
    Anonymous,

    /// <summary>Merchant-facing: a function key is required.</summary>
    Function,

    /// <summary>
    /// Operator-facing (<c>ops/...</c>): checked by the app on both hosts
    /// (<see cref="Security.OperatorAuthentication"/>): an operator key, or an Entra ID principal with the operator
    /// role; a function key is refused. Anonymous at the Functions host, so its master key opens nothing here.
    /// </summary>
    Operator,
}
