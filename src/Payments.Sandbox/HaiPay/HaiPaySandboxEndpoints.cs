using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Payments.Core.HaiPay;

namespace Payments.Sandbox.HaiPay;

/// <summary>
/// HaiPay's collection API (<c>collect/apply</c>, <c>collect/query</c>), with its refunds
/// (<see cref="HaiPayRefundEndpoints"/>), subscriptions (<see cref="HaiPaySubscriptionEndpoints"/>), 3-D Secure page
/// (<see cref="HaiPayPayPage"/>) and the sandbox's control endpoints (<see cref="HaiPaySandboxControl"/>). Error codes
/// are the sandbox's own (HaiPay publishes only <c>4002</c>): 1001 unknown appId, 1002 sign error, 4001 bad parameter,
/// 4004 no such order, 4005 order id already used, 4006 not refundable.
/// </summary>
public static class HaiPaySandboxEndpoints
{
    private static readonly string[] RequiredApplyFields =
    [
        "orderId",
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
    ];

    public static IServiceCollection AddHaiPaySandbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HaiPaySandboxOptions>(configuration.GetSection(HaiPaySandboxOptions.Section));
        services.AddSingleton<HaiPaySandbox>();
        services.AddSingleton<HaiPaySigner>();
        services.AddSingleton<HaiPayNotifier>();
        services.AddSingleton<SubscriptionBilling>();
        services.AddSingleton<HaiPayCompletions>();
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
        group.MapHaiPayRefunds();
        group.MapHaiPayPayPage();
        group.MapHaiPaySubscriptions();
        group.MapHaiPaySandboxControl();
        return app;
    }

    private static async Task<IResult> ApplyAsync(
        string ccy,
        HttpRequest request,
        HaiPaySandbox sandbox,
        HaiPaySigner signer,
        CancellationToken ct
    )
    {
        var (body, account, refusal) = await HaiPaySignedCalls.ReadSignedAsync(request, sandbox, signer, ccy, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        sandbox.CountApply(HaiPayEnvelope.Scalar(body, "orderId") ?? string.Empty);
        var fault = sandbox.ApplyFault();
        if (HaiPaySignedCalls.BeforeCreate(fault, sandbox.Faults.Text) is { } lost)
        {
            return lost;
        }

        string Field(string name) => HaiPayEnvelope.Scalar(body, name) ?? string.Empty;
        var missing = RequiredApplyFields.FirstOrDefault(f => Field(f).Length == 0);
        if (
            missing is not null
            || !decimal.TryParse(Field("amount"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
        )
        {
            return HaiPaySigner.Error("4001", $"parameter error: {missing ?? "amount"}");
        }

        var collection = new SandboxPayment(
            Field("orderId"),
            sandbox.NextNumber(),
            Field("amount"),
            account.Currency,
            Field("notifyUrl"),
            Field("accountNo")[^4..]
        );
        if (!sandbox.TryAdd(collection))
        {
            return HaiPaySigner.Error("4005", "orderId already exists");
        }

        if (await HaiPaySignedCalls.AnswerFaultAsync(fault, sandbox.Faults.SlowReply, ct) is { } failed)
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

    private static async Task<IResult> QueryAsync(
        string ccy,
        HttpRequest request,
        HaiPaySandbox sandbox,
        HaiPaySigner signer,
        CancellationToken ct
    )
    {
        var (body, account, refusal) = await HaiPaySignedCalls.ReadQueryAsync(request, sandbox, signer, ccy, ct);
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
        if (
            c is null
            || c.Forgotten
            || c.Currency != account.Currency
            || (
                about is null
                && HaiPayEnvelope.Scalar(body, "orderNo") is { Length: > 0 } orderNo
                && orderNo != c.OrderNo
            )
        )
        {
            return HaiPaySigner.Error("4004", "order does not exist");
        }

        c.CountQuery();
        return signer.Ok(
            new JsonObject
            {
                ["orderId"] = c.OrderId,
                ["orderNo"] = c.OrderNo,
                ["subscriptionOrderId"] = c.Subscription?.SubscriptionOrderId,
                ["subscriptionNo"] = c.Subscription?.SubscriptionNo,
                ["amount"] = c.Amount,
                ["actualAmount"] = c.ActualAmount ?? "0.00",
                ["fee"] = c.Fee ?? "0.00",
                ["status"] = c.Status,
                ["payTime"] = c.PayTime,
                ["errorMsg"] = c.ErrorMsg,
            },
            account
        );
    }
}
