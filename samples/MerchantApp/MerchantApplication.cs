using Microsoft.Extensions.Options;
using Payments.Client;
using Payments.Client.Models;
using Payments.Client.Webhooks;

namespace MerchantApp;

/// <summary>
/// The sample shop: <c>POST /checkout</c> asks the payments service for a HUAWEIPIN frame through
/// <see cref="PaymentsClient"/>; <c>POST /webhooks</c> takes the service's notifications, verified by
/// <see cref="WebhookVerifier"/> (400 without the headers, 401 when they do not verify); <c>GET /events</c> lists what
/// was taken in.
/// </summary>
public static partial class MerchantApplication
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.Configure<MerchantSettings>(builder.Configuration.GetSection("Payments"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services =>
        {
            var settings = services.GetRequiredService<IOptions<MerchantSettings>>().Value;
            return new PaymentsClientOptions { BaseAddress = settings.BaseAddress, FunctionKey = settings.FunctionKey };
        });
        builder.Services.AddSingleton(services => new WebhookVerifier(
            services.GetRequiredService<IOptions<MerchantSettings>>().Value.WebhookSecrets,
            services.GetRequiredService<TimeProvider>()
        ));
        builder.Services.AddHttpClient<PaymentsClient>();
        builder.Services.AddSingleton<ReceivedEvents>();
        configure?.Invoke(builder);

        var app = builder.Build();

        // The secrets are checked when the app starts, not at the first webhook: a blank or malformed one stops it.
        try
        {
            _ = app.Services.GetRequiredService<WebhookVerifier>();
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(
                "Payments:WebhookSecret must be the whsec_ secret the service signs with (run-local prints it).",
                e
            );
        }

        app.MapPost("/checkout", CheckoutAsync);
        app.MapPost("/webhooks", ReceiveAsync);
        app.MapGet("/events", (ReceivedEvents events) => events.All);
        return app;
    }

    private static async Task<IResult> CheckoutAsync(
        CheckoutRequest checkout,
        PaymentsClient payments,
        CancellationToken cancellationToken
    )
    {
        try
        {
            var frame = await payments.CreateFrameAsync(
                new CreateFrameRequest
                {
                    OrderId = checkout.OrderId,
                    Username = checkout.Username,
                    CustomerIp = checkout.CustomerIp,
                },
                cancellationToken: cancellationToken
            );
            return Results.Ok(frame);
        }
        catch (PaymentsApiException e) when (e.IsRetryable)
        {
            return Results.Problem(statusCode: 503, title: "Payment service busy; try again", detail: e.Problem.Code);
        }
        catch (PaymentsApiException e)
        {
            return Results.Problem(statusCode: 400, title: e.Problem.Title, detail: e.Problem.Code);
        }
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request,
        WebhookVerifier verifier,
        ReceivedEvents events,
        ILogger<ReceivedEvents> logger
    )
    {
        string? id = request.Headers[WebhookHeaders.Id];
        string? timestamp = request.Headers[WebhookHeaders.Timestamp];
        string? signature = request.Headers[WebhookHeaders.Signature];
        if (id is null || timestamp is null || signature is null)
        {
            return Results.BadRequest();
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        WebhookEvent received;
        try
        {
            received = verifier.Verify(id, timestamp, signature, body.ToArray());
        }
        catch (WebhookVerificationException e)
        {
            LogRefused(logger, e.Message);
            return Results.Unauthorized();
        }

        if (events.TryAdd(received))
        {
            LogReceived(logger, received.Type, received.Data.OrderId, received.Data.Status);
        }

        return Results.NoContent();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Type} for order {OrderId}: {Status}")]
    private static partial void LogReceived(ILogger logger, string type, string orderId, string status);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Refused a webhook: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}

/// <summary>What the shop's own checkout page posts.</summary>
public sealed record CheckoutRequest(string? OrderId, string Username, string CustomerIp);
