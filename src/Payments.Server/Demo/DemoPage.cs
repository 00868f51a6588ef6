using System.Text.Json;
using Microsoft.Extensions.Options;
using Payments.Http.Security;

namespace Payments.Server.Demo;

/// <summary>
/// <c>GET /demo</c>, in Development only: a checkout page that creates a HUAWEIPIN frame and a HaiPay collection through
/// the real API (with the first configured function key) and shows each order's status as it changes.
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
        app.MapGet(Path, (IOptions<FunctionKeyOptions> keys) =>
            Results.Content(template.Replace("__FUNCTION_KEY__", JsonSerializer.Serialize(keys.Value.Keys.FirstOrDefault() ?? string.Empty), StringComparison.Ordinal), "text/html"))
            .ExcludeFromDescription();
    }
}
