using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Payments.Http.Security;

namespace Payments.Http.OperatorUi;

/// <summary>
/// <c>GET /api/ops/console</c> on both hosts: the operator console, one static page holding no data and no key
/// (everything it shows comes from the operator API, called with the key the operator pastes, or, where operators sign
/// in with Entra ID, with the platform's sign-in: the page then names who is signed in, or links to sign-in, in
/// attributes of its body; the script and style, and so the policy, stay the same). Built once from the
/// embedded <c>console.html</c> with <c>console.css</c> and <c>console.js</c> put in; the Content-Security-Policy
/// allows exactly that script and that style by their SHA-256 (no other script, no inline handler, no eval, no
/// HTML strings put into the page: Trusted Types required), calls to this origin only, no framing, no caching.
/// </summary>
public sealed class OperatorConsolePage
{
    private const string KeysMode = "data-auth=\"keys\"";

    private readonly byte[] bytes;
    private readonly string page;

    public OperatorConsolePage()
    {
        var html = Resource("console.html");
        var css = Resource("console.css");
        var js = Resource("console.js");
        if (
            css.Contains("</style", StringComparison.OrdinalIgnoreCase)
            || js.Contains("</script", StringComparison.OrdinalIgnoreCase)
        )
        {
            throw new InvalidOperationException("The console's style or script closes its own element.");
        }

        page = html.Replace("/*console.css*/", css, StringComparison.Ordinal)
            .Replace("/*console.js*/", js, StringComparison.Ordinal);
        if (!page.Contains(KeysMode, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The console's body does not carry {KeysMode}.");
        }

        bytes = Encoding.UTF8.GetBytes(page);
        ContentSecurityPolicy = string.Join(
            "; ",
            "default-src 'none'",
            $"script-src '{Hash(js)}'",
            $"style-src '{Hash(css)}'",
            "connect-src 'self'",
            "img-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
            "require-trusted-types-for 'script'",
            "trusted-types 'none'"
        );
    }

    /// <summary>The page's bytes (UTF-8) for operator keys, the same on every host.</summary>
    public ReadOnlyMemory<byte> Content => bytes;

    /// <summary>The Content-Security-Policy the page is served with.</summary>
    public string ContentSecurityPolicy { get; }

    /// <summary>The page for operator keys with its security headers.</summary>
    public IResult Result() => new PageResult(bytes, ContentSecurityPolicy);

    /// <summary>
    /// The page for the mode <paramref name="operators"/> is in: for Entra ID, naming the principal signed in on
    /// <paramref name="http"/> (HTML-encoded), or none, and where to sign in.
    /// </summary>
    public IResult Result(OperatorAuthentication operators, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(operators);
        if (operators.Mode == OperatorAuthenticationMode.Keys)
        {
            return Result();
        }

        var encoder = HtmlEncoder.Default;
        var signedIn = operators.SignedIn(http) is { } principal
            ? $" data-operator=\"{encoder.Encode(principal.Name ?? principal.ObjectId)}\""
            : string.Empty;
        var body = page.Replace(
            KeysMode,
            $"data-auth=\"entra-id\" data-sign-in=\"{encoder.Encode(OperatorAuthentication.SignInPath)}\"{signedIn}",
            StringComparison.Ordinal
        );
        return new PageResult(Encoding.UTF8.GetBytes(body), ContentSecurityPolicy);
    }

    private static string Hash(string inline) =>
        "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));

    private static string Resource(string name)
    {
        using var stream = typeof(OperatorConsolePage).Assembly.GetManifestResourceStream(
            $"Payments.Http.OperatorUi.{name}"
        ) ?? throw new InvalidOperationException($"The operator console's {name} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private sealed class PageResult(byte[] page, string policy) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/html; charset=utf-8";
            response.ContentLength = page.Length;
            var headers = response.Headers;
            headers.CacheControl = "no-store";
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            return response.Body.WriteAsync(page, httpContext.RequestAborted).AsTask();
        }
    }
}
