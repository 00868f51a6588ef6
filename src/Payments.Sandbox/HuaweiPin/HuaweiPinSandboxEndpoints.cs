using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Payments.Sandbox.HuaweiPin;

/// <summary>HUAWEIPIN's GetFrame, its payment page, and the sandbox's control endpoints.</summary>
public static class HuaweiPinSandboxEndpoints
{
    public static IServiceCollection AddHuaweiPinSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HuaweiPinSandboxOptions>(configuration.GetSection(HuaweiPinSandboxOptions.Section));
        services.AddSingleton<HuaweiPinSandbox>();
        services.AddSingleton<HuaweiPinCallbackDispatcher>();
        services.AddHttpClient(nameof(HuaweiPinCallbackDispatcher), http => http.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    public static IEndpointRouteBuilder MapHuaweiPinSandbox(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/huaweipin");
        group.MapPost("/api/v1/GetFrame", GetFrameAsync);
        group.MapGet("/Payment/", PaymentPage);
        group.MapPost("/Payment/complete", CompleteAsync).DisableAntiforgery();
        group.MapHuaweiPinSandboxControl();
        return app;
    }

    private static async Task<IResult> GetFrameAsync(
        HttpRequest request,
        HuaweiPinSandbox sandbox,
        IOptionsMonitor<HuaweiPinSandboxOptions> options,
        CancellationToken ct
    )
    {
        switch (sandbox.Faults.GetFrame)
        {
            case "timeout":
                await Task.Delay(TimeSpan.FromMinutes(5), ct);
                break;
            case "slow":
                await Task.Delay(TimeSpan.FromMilliseconds(1500), ct);
                break;
            case "error":
                return Results.Text("upstream failure", statusCode: 500);
            case "throttled":
                return Error(sandbox, 429, 429, "Too many requests");
            case "code500":
                return Error(sandbox, 200, 500, "Internal error");
        }

        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return Error(sandbox, 400, 0, "Request data must be JSON type");
        }

        string Field(string name) =>
            body.ValueKind == JsonValueKind.Object
            && body.TryGetProperty(name, out var v)
            && v.ValueKind == JsonValueKind.String
                ? v.GetString()!
                : string.Empty;

        var merchant = options.CurrentValue;
        if (Field("merchant_apikey").Length == 0)
        {
            return Error(sandbox, 200, 302, "merchant_apikey cannot be empty");
        }

        if (Field("merchant_secretkey").Length == 0)
        {
            return Error(sandbox, 200, 303, "merchant_secretkey cannot be empty");
        }

        if (Field("client_username").Length == 0)
        {
            return Error(sandbox, 200, 305, "client_username cannot be empty");
        }

        if (Field("merchant_apikey") != merchant.ApiKey || Field("merchant_secretkey") != merchant.SecretKey)
        {
            return Error(sandbox, 200, 306, "Your API information is incorrect");
        }

        var oid = Field("merchant_oid");
        sandbox.CountGetFrame(oid);
        var frame = oid.Length == 0 ? null : sandbox.TryCreate(oid, Field("client_username"));
        if (frame is null)
        {
            return Error(sandbox, 200, 304, "merchant_oid Order Number is unique and cannot be left blank.");
        }

        if (sandbox.Faults.GetFrame == "lost")
        {
            return Results.Text("upstream failure after the frame was created", statusCode: 500);
        }

        var url = sandbox.Faults.IframeUrl
            ?? $"{request.Scheme}://{request.Host}/huaweipin/Payment/?Token={frame.Token}";
        var reply = JsonSerializer.Serialize(
            new
            {
                isSuccess = true,
                code = 200,
                errorMeesage = "Payment channel has been created.",
                iframeUrl = url,
            }
        );
        return sandbox.Faults.GetFrame == "repeatedProperty"
            ? Results.Text(reply[..^1] + ",\"iframeUrl\":\"https://elsewhere.example/pay\"}", "application/json")
            : Results.Text(reply, "application/json");
    }

    private static IResult PaymentPage(string? token, HuaweiPinSandbox sandbox)
    {
        var frame = token is null ? null : sandbox.ByToken(token);
        if (frame is null)
        {
            return Results.Content(
                "<!doctype html><p>Unknown or expired payment token.</p>",
                "text/html",
                statusCode: 404
            );
        }

        var oid = WebUtility.HtmlEncode(frame.MerchantOid);
        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>HUAWEIPIN sandbox payment</title>
            <style>body{font-family:sans-serif;max-width:28rem;margin:2rem auto}
            label,input,button{display:block;margin:.5rem 0}</style></head>
            <body>
              <h1>HUAWEIPIN sandbox</h1>
              <p>Order <strong id="oid">{{oid}}</strong>. Enter the gift card amount and choose an outcome.</p>
              <form method="post" action="complete">
                <input type="hidden" name="token" value="{{frame.Token}}">
                <label for="amount">Gift card amount</label>
                <input id="amount" name="amount" value="100.00" inputmode="decimal">
                <button id="pay" name="outcome" value="success">Pay</button>
                <button id="fail" name="outcome" value="failed">Fail payment</button>
              </form>
            </body></html>
            """;
        return Results.Content(html, "text/html");
    }

    private static async Task<IResult> CompleteAsync(
        HttpRequest request,
        HuaweiPinSandbox sandbox,
        HuaweiPinCallbackDispatcher dispatcher
    )
    {
        var form = await request.ReadFormAsync();
        var frame = sandbox.ByToken(form["token"].ToString());
        var amount = form["amount"].ToString();
        var outcome = form["outcome"].ToString();
        if (
            frame is null
            || !decimal.TryParse(amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
            || outcome is not ("success" or "failed")
        )
        {
            return Results.Content("<!doctype html><p>Invalid payment.</p>", "text/html", statusCode: 400);
        }

        if (!sandbox.TryComplete(frame, outcome, amount))
        {
            return Results.Content(
                "<!doctype html><p>This frame was already completed.</p>",
                "text/html",
                statusCode: 409
            );
        }

        dispatcher.Start(frame, sandbox.Faults);
        var text = outcome == "success" ? "Payment received" : "Payment failed";
        return Results.Content(
            $"<!doctype html><p id=\"result\">{text}. The merchant is being notified.</p>",
            "text/html"
        );
    }

    private static IResult Error(HuaweiPinSandbox sandbox, int httpStatus, int code, string message) =>
        Results.Json(
            new
            {
                isSuccess = false,
                code,
                errorMeesage = sandbox.Faults.Text ?? message,
                iframeUrl = (string?)null,
            },
            statusCode: httpStatus
        );
}
