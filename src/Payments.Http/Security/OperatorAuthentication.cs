using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Core;
using Payments.Core.Operations;
using Payments.Http.Problems;

namespace Payments.Http.Security;

/// <summary>
/// Who calls an operator route, decided once per request for both hosts (the Server's
/// <see cref="OperatorAccessFilter"/> and the Functions worker's middleware call <see cref="Authenticate"/>; the
/// endpoints read <see cref="Current"/>). <see cref="OperatorAuthenticationMode.Keys"/>: a valid operator key.
/// <see cref="OperatorAuthenticationMode.EntraId"/>: the principal App Service Authentication signed in, holding
/// <see cref="OperatorsOptions.OperatorRole"/> (else 403); its header is read only when the platform's authentication
/// is on (<see cref="IPlatformAuthentication"/>), since only then does the platform strip a client's copy. Without it
/// every operator call is refused (401), never trusted.
/// </summary>
public sealed partial class OperatorAuthentication(
    IOptionsMonitor<OperatorsOptions> options,
    IOptionsMonitor<OperatorKeyOptions> keys,
    IPlatformAuthentication platform,
    ILogger<OperatorAuthentication> logger
)
{
    /// <summary>Where the console sends an operator who is not signed in, and back.</summary>
    public const string SignInPath = "/.auth/login/aad?post_login_redirect_uri=/api/ops/console";

    private static readonly object ItemKey = typeof(OperatorPrincipal);

    public OperatorAuthenticationMode Mode => options.CurrentValue.Authentication;

    /// <summary>
    /// Authenticates an operator route's request: null when it may proceed (its <see cref="Current"/> principal set),
    /// otherwise the problem to answer (401, or 403 without the operator role) with nothing done.
    /// </summary>
    public IResult? Authenticate(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (Mode == OperatorAuthenticationMode.Keys)
        {
            var presented = http.Request.Headers[FunctionKeyFilter.HeaderName].FirstOrDefault();
            if (
                !ConfiguredKeys.IsPresented(presented)
                || !keys.CurrentValue.Keys.Any(key => ConstantTime.SecretEquals(key, presented))
            )
            {
                return Unauthorized(
                    $"An operator key is required in the '{FunctionKeyFilter.HeaderName}' header; a function key "
                        + "does not open operator routes."
                );
            }

            http.Items[ItemKey] = OperatorPrincipal.OperatorKey;
            return null;
        }

        if (!platform.IsEnabled)
        {
            LogPlatformAuthenticationOff(logger, http.Request.Headers.ContainsKey(ClientPrincipal.Header));
            return Unauthorized(
                "Operators sign in with Entra ID (Operators:Authentication is EntraId), but App Service "
                    + "Authentication is not on for this app: operator routes are closed."
            );
        }

        if (CrossSite(http.Request) is { } site)
        {
            return ApiProblem.Of(
                ProblemCodes.Forbidden,
                "Forbidden",
                $"An operator action must come from the console's own origin, not {site}: a signed-in session is "
                    + "not enough on its own (the browser sends it from any site)."
            );
        }

        if (ClientPrincipal.Read(http.Request.Headers[ClientPrincipal.Header].FirstOrDefault()) is not { } signed)
        {
            return Unauthorized($"Sign in first: {SignInPath}, or send a bearer token for the app registration.");
        }

        if (!signed.Roles.Contains(OperatorsOptions.OperatorRole))
        {
            return ApiProblem.Of(
                ProblemCodes.Forbidden,
                "Forbidden",
                $"The signed-in principal does not hold the {OperatorsOptions.OperatorRole} app role."
            );
        }

        http.Items[ItemKey] = OperatorPrincipal.EntraId(signed.ObjectId, signed.Name);
        return null;
    }

    /// <summary>
    /// Who the console shows as signed in: the platform's principal in <see cref="OperatorAuthenticationMode.EntraId"/>
    /// mode with the platform's authentication on, whether or not it holds the role; otherwise null.
    /// </summary>
    public ClientPrincipal? SignedIn(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Mode == OperatorAuthenticationMode.EntraId && platform.IsEnabled
            ? ClientPrincipal.Read(http.Request.Headers[ClientPrincipal.Header].FirstOrDefault())
            : null;
    }

    /// <summary>The operator <see cref="Authenticate"/> admitted for this request.</summary>
    public static OperatorPrincipal Current(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items.TryGetValue(ItemKey, out var principal) && principal is OperatorPrincipal admitted
            ? admitted
            : throw new InvalidOperationException("An operator route ran without operator authentication.");
    }

    /// <summary>
    /// The other site a state-changing request came from, or null: a browser names it in <c>Sec-Fetch-Site</c>
    /// (anything but <c>same-origin</c> or <c>none</c>) or, older ones, in an <c>Origin</c> whose host is not this
    /// app's. A script with a bearer token sends neither. Reads (GET, HEAD) change nothing, and another site cannot
    /// read their answers.
    /// </summary>
    private static string? CrossSite(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return null;
        }

        var fetchSite = request.Headers["Sec-Fetch-Site"].FirstOrDefault();
        if (fetchSite is { Length: > 0 } && fetchSite is not ("same-origin" or "none"))
        {
            return $"Sec-Fetch-Site '{fetchSite}'";
        }

        var origin = request.Headers.Origin.FirstOrDefault();
        return
            origin is { Length: > 0 }
            && (
                !Uri.TryCreate(origin, UriKind.Absolute, out var from)
                || !string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            )
            ? "another origin"
            : null;
    }

    private static IResult Unauthorized(string detail) =>
        ApiProblem.Of(ProblemCodes.Unauthorized, "Unauthorized", detail);

    [LoggerMessage(
        EventId = 7100,
        Level = LogLevel.Error,
        Message = "Operators:Authentication is EntraId but App Service Authentication is off (WEBSITE_AUTH_ENABLED is "
            + "not True): operator call refused; principal header sent by the client: {PrincipalHeaderSent}"
    )]
    private static partial void LogPlatformAuthenticationOff(ILogger logger, bool principalHeaderSent);
}
