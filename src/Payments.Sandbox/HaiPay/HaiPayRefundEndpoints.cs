using System.Globalization;
using System.Text.Json.Nodes;
using Payments.Core.HaiPay;

namespace Payments.Sandbox.HaiPay;

/// <summary>
/// HaiPay's refund API (<c>refund/apply</c>, <c>refund/refundQuery</c>): a refund of a successful collection of the
/// same account, whose outcome (<see cref="HaiPayFaults.RefundOutcome"/>, or one arranged for the collection's next
/// refund) its first query settles.
/// </summary>
public static class HaiPayRefundEndpoints
{
    public static RouteGroupBuilder MapHaiPayRefunds(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/{ccy}/refund/apply", RefundAsync);
        group.MapPost("/{ccy}/refund/refundQuery", RefundQueryAsync);
        return group;
    }

    private static async Task<IResult> RefundAsync(
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

        var fault = sandbox.ApplyFault();
        if (HaiPaySignedCalls.BeforeCreate(fault, sandbox.Faults.Text) is { } lost)
        {
            return lost;
        }

        var collection = sandbox.ByOrderNo(HaiPayEnvelope.Scalar(body, "orderNo") ?? string.Empty);
        var refundId = HaiPayEnvelope.Scalar(body, "orderId") ?? string.Empty;
        if (collection is not { Status: 2 } || collection.Currency != account.Currency || refundId.Length == 0)
        {
            return HaiPaySigner.Error("4006", "order cannot be refunded");
        }

        var arranged = collection.TakeNextRefund();
        if (arranged is { Outcome: "refused" })
        {
            return HaiPaySigner.Error("4006", arranged.Reason ?? sandbox.Faults.Text ?? "order cannot be refunded");
        }

        var refund = new SandboxRefund(
            refundId,
            sandbox.NextNumber(),
            collection.OrderNo,
            arranged?.Outcome ?? sandbox.Faults.RefundOutcome,
            account.Currency,
            arranged?.Reason ?? sandbox.Faults.Text
        );
        if (!sandbox.TryAddRefund(refund))
        {
            return HaiPaySigner.Error("4005", "orderId already exists");
        }

        refund.Calls.Enqueue($"{account.Currency} refund/apply");
        if (await HaiPaySignedCalls.AnswerFaultAsync(fault, sandbox.Faults.SlowReply, ct) is { } failed)
        {
            return failed;
        }

        var about = sandbox.Faults.ReplyAbout is { } other ? sandbox.Refund(other) ?? refund : refund;
        return signer.Ok(RefundData(about, account), account);
    }

    private static async Task<IResult> RefundQueryAsync(
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

    private static JsonObject RefundData(SandboxRefund refund, SandboxAccount account) =>
        new()
        {
            ["appId"] = account.AppId,
            ["orderNo"] = refund.OrderNo,
            ["orderId"] = refund.OrderId,
            ["refundNo"] = refund.RefundNo,
            ["status"] = refund.Status.ToString(CultureInfo.InvariantCulture),
            ["errorMsg"] = refund.Status == 3 ? refund.ErrorText ?? "refund declined by issuer" : null,
        };
}
