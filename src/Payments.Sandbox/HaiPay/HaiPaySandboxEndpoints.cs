using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Payments.Core.HaiPay;

namespace Payments.Sandbox.HaiPay;

/// <summary>
/// HaiPay's collection and refund API (subscriptions: <see cref="HaiPaySubscriptionEndpoints"/>), its 3-D Secure page and the sandbox's control endpoints. Error codes
/// are the sandbox's own (HaiPay publishes only <c>4002</c>): 1001 unknown appId, 1002 sign error,
/// 4001 bad parameter, 4004 no such order, 4005 order id already used, 4006 not refundable.
/// </summary>
public static class HaiPaySandboxEndpoints
{
    private static readonly string[] RequiredApplyFields =
        ["orderId", "amount", "name", "email", "accountNo", "expiryMonth", "expiryYear", "cvv", "notifyUrl", "callBackUrl", "customerIp", "partnerUserId"];

    public static IServiceCollection AddHaiPaySandbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HaiPaySandboxOptions>(configuration.GetSection(HaiPaySandboxOptions.Section));
        services.AddSingleton<HaiPaySandbox>();
        services.AddSingleton<HaiPaySigner>();
        services.AddSingleton<HaiPayNotifier>();
        services.AddSingleton<SubscriptionBilling>();
        services.AddHostedService(sp => sp.GetRequiredService<SubscriptionBilling>());
        services.AddHttpClient(nameof(HaiPayNotifier), http => http.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    public static IEndpointRouteBuilder MapHaiPaySandbox(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/haipay");
        group.MapPost("/{ccy}/collect/apply", ApplyAsync);
        group.MapPost("/{ccy}/collect/query", QueryAsync);
        group.MapPost("/{ccy}/refund/apply", RefundAsync);
        group.MapPost("/{ccy}/refund/refundQuery", RefundQueryAsync);
        group.MapGet("/pay/{orderNo}", PayPage);
        group.MapPost("/pay/{orderNo}", CompleteAsync).DisableAntiforgery();
        group.MapHaiPaySubscriptions();
        group.MapPost("/_sandbox/faults", (HaiPayFaults faults, HaiPaySandbox sandbox) =>
        {
            sandbox.Faults = faults;
            return Results.Ok(faults);
        });
        group.MapGet("/_sandbox/refunds/{orderId}", (string orderId, HaiPaySandbox sandbox) =>
            sandbox.Refund(orderId) is { } r
                ? Results.Ok(new { r.OrderId, r.RefundNo, r.OrderNo, r.Outcome, r.Currency, Calls = r.Calls.ToArray() })
                : Results.NotFound());
        group.MapGet("/_sandbox/faults", (HaiPaySandbox sandbox) => Results.Ok(new { sandbox.Faults, sandbox.InjectedFailures }));
        group.MapGet("/_sandbox/applies/{orderId}", (string orderId, HaiPaySandbox sandbox) =>
            Results.Ok(new { orderId, applies = sandbox.Applies(orderId) }));
        group.MapGet("/_sandbox/platform-key", (HaiPaySandbox sandbox) => Results.Text(sandbox.PlatformPublicKeyBase64));
        group.MapGet("/_sandbox/orders/{orderId}", (string orderId, HaiPaySandbox sandbox) =>
            sandbox.ByOrderId(orderId) is { } c
                ? Results.Ok(new { c.OrderId, c.OrderNo, c.Amount, c.Status, c.ActualAmount, c.CardLast4, c.Queries, Deliveries = c.Deliveries.ToArray() })
                : Results.NotFound());
        return app;
    }

    private static async Task<IResult> ApplyAsync(
        string ccy, HttpRequest request, HaiPaySandbox sandbox, HaiPaySigner signer, CancellationToken ct)
    {
        var (body, account, refusal) = await ReadSignedAsync(request, sandbox, signer, ccy, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        sandbox.CountApply(HaiPayEnvelope.Scalar(body, "orderId") ?? string.Empty);
        var fault = sandbox.ApplyFault();
        if (BeforeCreate(fault, sandbox.Faults.Text) is { } lost)
        {
            return lost;
        }

        string Field(string name) => HaiPayEnvelope.Scalar(body, name) ?? string.Empty;
        var missing = RequiredApplyFields.FirstOrDefault(f => Field(f).Length == 0);
        if (missing is not null || !decimal.TryParse(Field("amount"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
        {
            return HaiPaySigner.Error("4001", $"parameter error: {missing ?? "amount"}");
        }

        var collection = new SandboxPayment(
            Field("orderId"), sandbox.NextNumber(), Field("amount"), account.Currency, Field("notifyUrl"),
            Field("accountNo")[^4..]);
        if (!sandbox.TryAdd(collection))
        {
            return HaiPaySigner.Error("4005", "orderId already exists");
        }

        if (await AnswerFaultAsync(fault, sandbox.Faults.SlowReply, ct) is { } failed)
        {
            return failed;
        }

        var about = sandbox.Faults.ReplyAbout is { } other ? sandbox.ByOrderId(other) ?? collection : collection;
        var payUrl = sandbox.Faults.PayUrl ?? $"{request.Scheme}://{request.Host}/haipay/pay/{about.OrderNo}";
        var data = new JsonObject
        {
            ["orderId"] = about.OrderId,
            ["orderNo"] = about.OrderNo,
            ["payUrl"] = payUrl,
        };
        return signer.Ok(data, account);
    }

    /// <summary>The apply faults that create nothing: a refusal, or a gateway error.</summary>
    internal static IResult? BeforeCreate(string fault, string? text) => fault switch
    {
        "refuse" => HaiPaySigner.Error("4002", text ?? "system:channel code does not exist"),
        "lost" => Results.Text("bad gateway", statusCode: 502),
        _ => null,
    };

    /// <summary>
    /// The faults that strike once a call was processed (an apply: after the order was created; a query: before it is
    /// answered): a late reply, a 500, a "busy" envelope or a "no such order" envelope. Null: answer normally.
    /// </summary>
    internal static async Task<IResult?> AnswerFaultAsync(string fault, TimeSpan slowReply, CancellationToken ct)
    {
        switch (fault)
        {
            case "timeout":
                await Task.Delay(slowReply, ct);
                return null;
            case "error":
                return Results.Text("gateway failure", statusCode: 500);
            case "refuse":
                return HaiPaySigner.Error("5000", "system busy");
            case "notfound":
                return HaiPaySigner.Error("4004", "order does not exist");
            default:
                return null;
        }
    }

    private static async Task<IResult> QueryAsync(
        string ccy, HttpRequest request, HaiPaySandbox sandbox, HaiPaySigner signer, CancellationToken ct)
    {
        var (body, account, refusal) = await ReadQueryAsync(request, sandbox, signer, ccy, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (HaiPayEnvelope.Scalar(body, "orderId") is not { Length: > 0 } orderId)
        {
            return HaiPaySigner.Error("4001", "parameter error: orderId");
        }

        var about = sandbox.Faults.ReplyAbout;
        var c = sandbox.ByOrderId(about ?? orderId);
        if (c is null || c.Currency != account.Currency
            || (about is null && HaiPayEnvelope.Scalar(body, "orderNo") is { Length: > 0 } orderNo
                && orderNo != c.OrderNo))
        {
            return HaiPaySigner.Error("4004", "order does not exist");
        }

        c.CountQuery();
        return signer.Ok(new JsonObject
        {
            ["orderId"] = c.OrderId,
            ["orderNo"] = c.OrderNo,
            ["subscriptionOrderId"] = c.Subscription?.SubscriptionOrderId,
            ["subscriptionNo"] = c.Subscription?.SubscriptionNo,
            ["amount"] = c.Amount,
            ["actualAmount"] = c.ActualAmount ?? "0.00",
            ["fee"] = "0.00",
            ["status"] = c.Status,
            ["payTime"] = c.PayTime,
            ["errorMsg"] = c.ErrorMsg,
        }, account);
    }

    private static async Task<IResult> RefundAsync(
        string ccy, HttpRequest request, HaiPaySandbox sandbox, HaiPaySigner signer, CancellationToken ct)
    {
        var (body, account, refusal) = await ReadSignedAsync(request, sandbox, signer, ccy, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var fault = sandbox.ApplyFault();
        if (BeforeCreate(fault, sandbox.Faults.Text) is { } lost)
        {
            return lost;
        }

        var collection = sandbox.ByOrderNo(HaiPayEnvelope.Scalar(body, "orderNo") ?? string.Empty);
        var refundId = HaiPayEnvelope.Scalar(body, "orderId") ?? string.Empty;
        if (collection is not { Status: 2 } || collection.Currency != account.Currency || refundId.Length == 0)
        {
            return HaiPaySigner.Error("4006", "order cannot be refunded");
        }

        var refund = new SandboxRefund(
            refundId, sandbox.NextNumber(), collection.OrderNo, sandbox.Faults.RefundOutcome, account.Currency, sandbox.Faults.Text);
        if (!sandbox.TryAddRefund(refund))
        {
            return HaiPaySigner.Error("4005", "orderId already exists");
        }

        refund.Calls.Enqueue($"{account.Currency} refund/apply");
        if (await AnswerFaultAsync(fault, sandbox.Faults.SlowReply, ct) is { } failed)
        {
            return failed;
        }

        var about = sandbox.Faults.ReplyAbout is { } other ? sandbox.Refund(other) ?? refund : refund;
        return signer.Ok(RefundData(about, account), account);
    }

    private static async Task<IResult> RefundQueryAsync(
        string ccy, HttpRequest request, HaiPaySandbox sandbox, HaiPaySigner signer, CancellationToken ct)
    {
        var (body, account, refusal) = await ReadQueryAsync(request, sandbox, signer, ccy, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var asked = HaiPayEnvelope.Scalar(body, "orderId") ?? string.Empty;
        var refund = sandbox.Refund(sandbox.Faults.ReplyAbout ?? asked);
        if (refund is null || refund.Currency != account.Currency)
        {
            return HaiPaySigner.Error("4004", "order does not exist");
        }

        refund.Calls.Enqueue($"{account.Currency} refund/refundQuery");
        lock (refund)
        {
            refund.Status = refund.Outcome == "success" ? 2 : 3;
        }

        return signer.Ok(RefundData(refund, account), account);
    }

    private static JsonObject RefundData(SandboxRefund refund, SandboxAccount account) => new()
    {
        ["appId"] = account.AppId,
        ["orderNo"] = refund.OrderNo,
        ["orderId"] = refund.OrderId,
        ["refundNo"] = refund.RefundNo,
        ["status"] = refund.Status.ToString(CultureInfo.InvariantCulture),
        ["errorMsg"] = refund.Status == 3 ? refund.ErrorText ?? "refund declined by issuer" : null,
    };

    private static IResult PayPage(string orderNo, HaiPaySandbox sandbox)
    {
        var c = sandbox.ByOrderNo(orderNo);
        if (c is null)
        {
            return Results.Content("<!doctype html><p>Unknown payment.</p>", "text/html", statusCode: 404);
        }

        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>HaiPay sandbox 3-D Secure</title>
            <style>body{font-family:sans-serif;max-width:28rem;margin:2rem auto}button{display:block;margin:.5rem 0}</style></head>
            <body>
              <h1>3-D Secure check</h1>
              <p>Order <strong id="order">{{WebUtility.HtmlEncode(c.OrderId)}}</strong>: {{WebUtility.HtmlEncode(c.Amount)}} {{c.Currency}}, card ending {{c.CardLast4}}.</p>
              <form method="post">
                <button id="approve" name="outcome" value="success">Approve</button>
                <button id="decline" name="outcome" value="failed">Decline</button>
                <button id="partial" name="outcome" value="partial">Partial collection</button>
                <button id="over" name="outcome" value="over">Over-collection</button>
              </form>
            </body></html>
            """;
        return Results.Content(html, "text/html");
    }

    private static async Task<IResult> CompleteAsync(string orderNo, HttpRequest request, HaiPaySandbox sandbox, HaiPayNotifier notifier)
    {
        var c = sandbox.ByOrderNo(orderNo);
        var outcome = (await request.ReadFormAsync())["outcome"].ToString();
        if (c is null || outcome is not ("success" or "failed" or "partial" or "over"))
        {
            return Results.Content("<!doctype html><p>Invalid payment.</p>", "text/html", statusCode: 400);
        }

        var amount = decimal.Parse(c.Amount, CultureInfo.InvariantCulture);
        lock (c)
        {
            if (c.Status != 1)
            {
                return Results.Content("<!doctype html><p>This payment was already completed.</p>", "text/html", statusCode: 409);
            }

            (c.Status, c.ActualAmount, c.ErrorMsg) = outcome switch
            {
                "success" => (2, c.Amount, (string?)null),
                "failed" => (3, "0.00", sandbox.Faults.Text ?? "card declined by issuer"),
                "partial" => (4, (amount / 2).ToString("0.00", CultureInfo.InvariantCulture), null),
                _ => (5, (amount + 1).ToString("0.00", CultureInfo.InvariantCulture), null),
            };
            c.PayTime = c.Status == 2 ? notifier.Now() : null;
        }

        notifier.Start(c);
        return Results.Content($"<!doctype html><p id=\"result\">{(c.Status == 2 ? "Payment approved" : "Payment completed")}. The merchant is being notified.</p>", "text/html");
    }

    /// <summary>A signed call about an existing order or subscription: its body, or the refusal or query fault that answers instead.</summary>
    internal static async Task<(JsonElement Body, SandboxAccount Account, IResult? Refusal)> ReadQueryAsync(
        HttpRequest request, HaiPaySandbox sandbox, HaiPaySigner signer, string? currency, CancellationToken ct)
    {
        var (body, account, refusal) = await ReadSignedAsync(request, sandbox, signer, currency, ct);
        return (body, account, refusal ?? await AnswerFaultAsync(sandbox.QueryFault(), sandbox.Faults.SlowReply, ct));
    }

    /// <summary>
    /// A call signed for the account of <paramref name="currency"/> (its path's; null: the USD account, for the paths
    /// without a currency): its appId and its merchant keys, or 1001 / 1002.
    /// </summary>
    internal static async Task<(JsonElement Body, SandboxAccount Account, IResult? Refusal)> ReadSignedAsync(
        HttpRequest request, HaiPaySandbox sandbox, HaiPaySigner signer, string? currency, CancellationToken ct)
    {
        var account = currency is null ? sandbox.Primary : sandbox.Account(currency);
        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, HaiPayEnvelope.ReadOptions, ct);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return (default, sandbox.Primary, HaiPaySigner.Error("4001", "request data must be JSON"));
        }

        if (account is null || body.ValueKind != JsonValueKind.Object
            || HaiPayEnvelope.Scalar(body, "appId") != account.AppId.ToString(CultureInfo.InvariantCulture))
        {
            return (body, sandbox.Primary, HaiPaySigner.Error("1001", "appId does not exist"));
        }

        return signer.Verifies(body, account)
            ? (body, account, null)
            : (body, account, HaiPaySigner.Error("1002", "sign error"));
    }
}
