using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Payments.Core.Text;
using Payments.Http.Security;

namespace Payments.Server.Demo;

/// <summary>
/// <c>GET /demo</c>, in Development only: a checkout page that creates a HUAWEIPIN frame and a HaiPay collection
/// through the real API (with the first configured function key) and shows each order's status as it changes. Its
/// frames show only https links (http too where <c>Links:AllowHttp</c> is on); the Content-Security-Policy allows
/// exactly its own script and style by their SHA-256 (so no <c>javascript:</c> link runs), frames from those schemes
/// only, and calls to this origin only.
/// </summary>
internal static class DemoPage
{
    public const string Path = "/demo";

    public static void MapDemoPage(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        using var stream = typeof(DemoPage).Assembly.GetManifestResourceStream("Payments.Server.Demo.demo.html")
            ?? throw new InvalidOperationException("The demo page is not embedded.");
        var template = new StreamReader(stream).ReadToEnd();
        app.MapGet(
                Path,
                (
                    IOptions<FunctionKeyOptions> keys,
                    IOptionsMonitor<CustomerLinkOptions> links,
                    HttpResponse response
                ) =>
                {
                    var allowHttp = links.CurrentValue.AllowHttp;
                    var key = JsonSerializer.Serialize(keys.Value.Keys.FirstOrDefault() ?? string.Empty);
                    var page = template
                        .Replace("__FUNCTION_KEY__", key, StringComparison.Ordinal)
                        .Replace("__ALLOW_HTTP__", allowHttp ? "true" : "false", StringComparison.Ordinal);
                    response.Headers.ContentSecurityPolicy = string.Join(
                        "; ",
                        "default-src 'none'",
                        $"script-src '{Hash(Inline(page, "script"))}'",
                        $"style-src '{Hash(Inline(page, "style"))}'",
                        "connect-src 'self'",
                        allowHttp ? "frame-src https: http:" : "frame-src https:",
                        "base-uri 'none'",
                        "form-action 'none'",
                        "frame-ancestors 'none'"
                    );
                    return Results.Content(page, "text/html");
                }
            )
            .ExcludeFromDescription();
    }

    /// <summary>The text of the page's one inline <paramref name="element"/>.</summary>
    private static string Inline(string page, string element)
    {
        var start = page.IndexOf($"<{element}>", StringComparison.Ordinal) + element.Length + 2;
        return page[start..page.IndexOf($"</{element}>", start, StringComparison.Ordinal)];
    }

    private static string Hash(string inline) =>
        "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));
}
