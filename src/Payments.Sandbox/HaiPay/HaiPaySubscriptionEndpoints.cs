using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Payments.Core.HaiPay;

namespace Payments.Sandbox.HaiPay;

/// <summary>
/// HaiPay's subscription API (<c>/subscription/apply|query|cancel</c>, no currency in the path; apply answers in the
/// seed's shape, unsigned with a trailing comma, unless the bad-signature fault is on), the page where the
/// customer confirms one, and <c>GET /haipay/_sandbox/subscriptions/{id}</c>. Query accepts <c>subscriptionNo</c>
/// or, before the merchant knows it, <c>subscriptionOrderId</c>.
/// </summary>
public static class HaiPaySubscriptionEndpoints
{
    private static readonly string[] RequiredFields =
    [
        "subscriptionOrderId",
        "amount",
        "name",
        "email",
        "accountNo",
        "expiryMonth",
        "expiryYear",
        "cvv",
        "notifyUrl",
        "callBackUrl",
        "customerIp",
        "partnerUserId",
        "recurringInterval",
        "recurringIntervalCount",
    ];

    public static RouteGroupBuilder MapHaiPaySubscriptions(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/subscription/apply", ApplyAsync);
        group.MapPost("/subscription/query", QueryAsync);
        group.MapPost("/subscription/cancel", CancelAsync);
        group.MapGet("/subscribe/{subscriptionNo}", ConfirmPage);
        group.MapPost("/subscribe/{subscriptionNo}", ConfirmAsync).DisableAntiforgery();
        group.MapGet("/_sandbox/subscriptions/{subscriptionOrderId}", Held);
        return group;
    }

    /// <summary>What the sandbox holds of a subscription, for tests.</summary>
    private static IResult Held(string subscriptionOrderId, HaiPaySandbox sandbox) =>
        sandbox.Subscription(subscriptionOrderId, null) is { } s
            ? Results.Ok(
                new
                {
                    s.SubscriptionOrderId,
                    s.SubscriptionNo,
                    s.Status,
                    s.Cycle,
                    s.Attempt,
                    s.CardLast4,
                    Charges = s
                        .Charges.Select(c => new
                        {
                            c.OrderId,
                            c.OrderNo,
                            c.Status,
                            Deliveries = c.Deliveries.Count,
                        })
                        .ToArray(),
                    Deliveries = s.Deliveries.ToArray(),
                }
            )
            : Results.NotFound();

    private static Task<IResult> QueryAsync(
        HttpRequest request,
        HaiPaySandbox sandbox,
        HaiPaySigner signer,
        IOptionsMonitor<HaiPaySandboxOptions> options,
        CancellationToken ct
    ) => WithSubscriptionAsync(request, sandbox, signer, s => signer.Ok(Data(s, options.CurrentValue)), ct);

    private static Task<IResult> CancelAsync(
        HttpRequest request,
        HaiPaySandbox sandbox,
        HaiPaySigner signer,
        IOptionsMonitor<HaiPaySandboxOptions> options,
        CancellationToken ct
    ) =>
        WithSubscriptionAsync(
            request,
            sandbox,
            signer,
            s =>
            {
                lock (s)
                {
                    if (s.Status is 1 or 2)
                    {
                        (s.Status, s.NextChargeAt) = (4, null);
                    }
                }

                return s.Status == 4
                    ? signer.Ok(Data(s, options.CurrentValue))
                    : HaiPaySigner.Error("4007", "subscription cannot be canceled");
            },
            ct
        );

    private static async Task<IResult> ApplyAsync(
        HttpRequest request,
        HaiPaySandbox sandbox,
        HaiPaySigner signer,
        IOptionsMonitor<HaiPaySandboxOptions> options,
        CancellationToken ct
    )
    {
        var settings = options.CurrentValue;
        var (body, _, refusal) = await HaiPaySignedCalls.ReadSignedAsync(request, sandbox, signer, null, ct);
        var fault = sandbox.ApplyFault();
        if ((refusal ?? HaiPaySignedCalls.BeforeCreate(fault, sandbox.Faults.Text)) is { } refused)
        {
            return refused;
        }

        string Field(string name) => HaiPayEnvelope.Scalar(body, name) ?? string.Empty;
        var missing = RequiredFields.FirstOrDefault(f => Field(f).Length == 0);
        var count = int.TryParse(
            Field("recurringIntervalCount"),
            NumberStyles.None,
            CultureInfo.InvariantCulture,
            out var n
        )
            ? n
            : 0;
        var retries = Field("retryTimes") is { Length: > 0 } r ? int.Parse(r, CultureInfo.InvariantCulture) : 3;
        if (
            missing is not null
            || count < 1
            || Field("recurringInterval") is not ("D" or "W" or "M" or "Y")
            || Field("payType") != "SUBSCRIPTION"
        )
        {
            var wrong = missing ?? "recurringInterval, recurringIntervalCount or payType";
            return HaiPaySigner.Error("4001", $"parameter error: {wrong}");
        }

        var subscription = new SandboxSubscription(
            Field("subscriptionOrderId"),
            sandbox.NextNumber(),
            Field("amount"),
            Field("currency") is { Length: > 0 } c ? c : "USD",
            Field("notifyUrl"),
            Field("accountNo")[^4..],
            Field("recurringInterval"),
            count,
            retries
        );
        if (!sandbox.TryAddSubscription(subscription))
        {
            return HaiPaySigner.Error("4005", "subscriptionOrderId already exists");
        }

        if (await HaiPaySignedCalls.AnswerFaultAsync(fault, sandbox.Faults.SlowReply, ct) is { } failed)
        {
            return failed;
        }

        var data = Data(subscription, settings);
        data["payUrl"] = sandbox.Faults.PayUrl
            ?? $"{request.Scheme}://{request.Host}/haipay/subscribe/{subscription.SubscriptionNo}";
        return sandbox.Faults.BadResponseSignature ? signer.Ok(data) : SeedShaped(data);
    }

    /// <summary>
    /// The apply reply exactly as the seed shows it: <c>data</c> without <c>sign</c>, and a trailing comma after its
    /// last field.
    /// </summary>
    private static IResult SeedShaped(JsonObject data)
    {
        var fields = data.ToJsonString();
        var envelope = new JsonObject
        {
            ["status"] = "1",
            ["error"] = HaiPayEnvelope.SuccessError,
            ["msg"] = string.Empty,
            ["data"] = null,
        }.ToJsonString();
        var seedShaped = envelope.Replace("\"data\":null", $"\"data\":{fields[..^1]},}}", StringComparison.Ordinal);
        return Results.Text(seedShaped, "application/json");
    }

    private static async Task<IResult> WithSubscriptionAsync(
        HttpRequest request,
        HaiPaySandbox sandbox,
        HaiPaySigner signer,
        Func<SandboxSubscription, IResult> answer,
        CancellationToken ct
    )
    {
        var (body, _, refusal) = await HaiPaySignedCalls.ReadQueryAsync(request, sandbox, signer, null, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var subscription = sandbox.Faults.ReplyAbout is { } other
            ? sandbox.Subscription(other, null)
            : sandbox.Subscription(
                HaiPayEnvelope.Scalar(body, "subscriptionOrderId"),
                HaiPayEnvelope.Scalar(body, "subscriptionNo")
            );
        return subscription is null ? HaiPaySigner.Error("4004", "subscription does not exist") : answer(subscription);
    }

    private static JsonObject Data(SandboxSubscription s, HaiPaySandboxOptions settings) =>
        new()
        {
            ["subscriptionOrderId"] = s.SubscriptionOrderId,
            ["subscriptionNo"] = s.SubscriptionNo,
            ["appId"] = settings.AppId,
            ["subject"] = "Sandbox subscription",
            ["payType"] = "SUBSCRIPTION",
            ["inBankCode"] = "CREDIT_CARD",
            ["amount"] = JsonValue.Create(decimal.Parse(s.Amount, CultureInfo.InvariantCulture)),
            ["recurringInterval"] = s.Interval,
            ["recurringIntervalCount"] = s.IntervalCount,
            ["status"] = s.StatusText,
        };

    private static IResult ConfirmPage(string subscriptionNo, HaiPaySandbox sandbox)
    {
        var s = sandbox.Subscription(null, subscriptionNo);
        if (s is null)
        {
            return Results.Content("<!doctype html><p>Unknown subscription.</p>", "text/html", statusCode: 404);
        }

        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>HaiPay sandbox 3-D Secure</title>
            <style>body{font-family:sans-serif;max-width:28rem;margin:2rem auto}
            button{display:block;margin:.5rem 0}</style></head>
            <body>
              <h1>3-D Secure check</h1>
              <p>Subscription <strong id="order">{{WebUtility.HtmlEncode(s.SubscriptionOrderId)}}</strong>:
                {{WebUtility.HtmlEncode(s.Amount)}} {{s.Currency}}
                every {{s.IntervalCount}} {{s.Interval}}, card ending {{s.CardLast4}}.</p>
              <form method="post">
                <button id="approve" name="outcome" value="success">Approve</button>
                <button id="decline" name="outcome" value="failed">Decline</button>
              </form>
            </body></html>
            """;
        return Results.Content(html, "text/html");
    }

    private static async Task<IResult> ConfirmAsync(
        string subscriptionNo,
        HttpRequest request,
        HaiPaySandbox sandbox,
        HaiPayCompletions completions
    )
    {
        var s = sandbox.Subscription(null, subscriptionNo);
        var outcome = (await request.ReadFormAsync())["outcome"].ToString();
        if (s is null || outcome is not ("success" or "failed"))
        {
            return Results.Content("<!doctype html><p>Invalid subscription.</p>", "text/html", statusCode: 400);
        }

        if (!completions.TryConfirm(s, outcome))
        {
            return Results.Content(
                "<!doctype html><p>This subscription was already confirmed.</p>",
                "text/html",
                statusCode: 409
            );
        }

        var result = s.Status == 2 ? "Subscription approved" : "Subscription declined";
        return Results.Content(
            $"<!doctype html><p id=\"result\">{result}. The merchant is being notified.</p>",
            "text/html"
        );
    }
}
