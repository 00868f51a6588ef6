using System.Globalization;
using System.Text.Json;
using Payments.Core.HaiPay;

namespace Payments.Sandbox.HaiPay;

/// <summary>
/// How every HaiPay API call is read, as HaiPay does (signature only): the account its path names, its appId and
/// signature, and the faults a test set that answer instead of the call.
/// </summary>
internal static class HaiPaySignedCalls
{
    /// <summary>
    /// A signed call about an existing order or subscription: its body, or the refusal or query fault that answers
    /// instead.
    /// </summary>
    public static async Task<(JsonElement Body, SandboxAccount Account, IResult? Refusal)> ReadQueryAsync(
        HttpRequest request,
        HaiPaySandbox sandbox,
        HaiPaySigner signer,
        string? currency,
        CancellationToken ct
    )
    {
        var (body, account, refusal) = await ReadSignedAsync(request, sandbox, signer, currency, ct);
        return (body, account, refusal ?? await AnswerFaultAsync(sandbox.QueryFault(), sandbox.Faults.SlowReply, ct));
    }

    /// <summary>
    /// A call signed for the account of <paramref name="currency"/> (its path's; null: the USD account, for the paths
    /// without a currency): its appId and its merchant keys, or 1001 / 1002.
    /// </summary>
    public static async Task<(JsonElement Body, SandboxAccount Account, IResult? Refusal)> ReadSignedAsync(
        HttpRequest request,
        HaiPaySandbox sandbox,
        HaiPaySigner signer,
        string? currency,
        CancellationToken ct
    )
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

        if (
            account is null
            || body.ValueKind != JsonValueKind.Object
            || HaiPayEnvelope.Scalar(body, "appId") != account.AppId.ToString(CultureInfo.InvariantCulture)
        )
        {
            return (body, sandbox.Primary, HaiPaySigner.Error("1001", "appId does not exist"));
        }

        return signer.Verifies(body, account)
            ? (body, account, null)
            : (body, account, HaiPaySigner.Error("1002", "sign error"));
    }

    /// <summary>The apply faults that create nothing: a refusal, or a gateway error.</summary>
    public static IResult? BeforeCreate(string fault, string? text) =>
        fault switch
        {
            "refuse" => HaiPaySigner.Error("4002", text ?? "system:channel code does not exist"),
            "lost" => Results.Text("bad gateway", statusCode: 502),
            _ => null,
        };

    /// <summary>
    /// The faults that strike once a call was processed (an apply: after the order was created; a query: before it is
    /// answered): a late reply, a 500, a "busy" envelope or a "no such order" envelope. Null: answer normally.
    /// </summary>
    public static async Task<IResult?> AnswerFaultAsync(string fault, TimeSpan slowReply, CancellationToken ct)
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
}
