namespace Payments.Http.Security;

/// <summary>How the operator routes know who calls them (<c>Operators:Authentication</c>).</summary>
public enum OperatorAuthenticationMode
{
    /// <summary>
    /// An operator key in the <c>x-functions-key</c> header (<c>OperatorKeys:Keys</c>); the name typed in the request
    /// is recorded. The Server's default, for local use and tests.
    /// </summary>
    Keys,

    /// <summary>
    /// A principal signed in with Microsoft Entra ID by App Service Authentication, holding the
    /// <see cref="OperatorsOptions.OperatorRole"/> app role; its name and object id are recorded. Set on Azure.
    /// </summary>
    EntraId,
}
