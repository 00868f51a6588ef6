namespace Payments.Http.Security;

/// <summary>
/// Operator access (<c>Operators</c> section): which <see cref="OperatorAuthenticationMode"/> opens the operator routes
/// and the console. An unknown mode fails start-up (the enum does not bind).
/// </summary>
public sealed class OperatorsOptions
{
    public const string Section = "Operators";

    /// <summary>The app role a signed-in principal must hold to use the operator routes.</summary>
    public const string OperatorRole = "Payments.Operator";

    /// <summary><see cref="OperatorAuthenticationMode.Keys"/> unless set; infra sets <c>EntraId</c>.</summary>
    public OperatorAuthenticationMode Authentication { get; set; } = OperatorAuthenticationMode.Keys;
}
