using System.Text.Json;
using Payments.Sandbox.Control;

namespace Payments.Sandbox.HaiPay;

/// <summary>
/// The sandbox's trigger routes under <c>/haipay/_sandbox</c> (JSON in and out, what <c>scripts/sandbox</c> calls):
/// settle a collection as its 3-D Secure page would, confirm a subscription or charge it now, settle a refund or
/// arrange how a collection's next refund ends, and switch single faults. Each sends what the provider would send
/// after the customer's click (the notification), through the same code.
/// </summary>
public static class HaiPayTriggers
{
    private static readonly string[] TwoOutcomes = ["success", "failed"];
    private static readonly string[] RefundOutcomes = ["success", "failed", "refused"];

    public static RouteGroupBuilder MapHaiPayTriggers(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/_sandbox/orders/{orderId}/complete", CompleteAsync);
        group.MapPost("/_sandbox/orders/{orderId}/next-refund", ArrangeRefundAsync);
        group.MapPost("/_sandbox/orders/{orderId}/restate", RestateAsync);
        group.MapPost("/_sandbox/refunds/{refundId}/complete", SettleRefundAsync);
        group.MapPost("/_sandbox/subscriptions/{subscriptionId}/confirm", ConfirmAsync);
        group.MapPost("/_sandbox/subscriptions/{subscriptionId}/charge", ChargeAsync);
        group.MapPatch("/_sandbox/faults", SwitchFaults);
        group.MapDelete("/_sandbox/faults", (HaiPaySandbox sandbox) =>
        {
            sandbox.Faults = new HaiPayFaults();
            return Results.Ok(sandbox.Faults);
        });
        return group;
    }

    /// <summary>
    /// <c>{"outcome": "success" | "failed" | "partial" | "over", "amount": "6.25", "reason": "..."}</c>: the amount
    /// collected for <c>partial</c> (below the order's) and <c>over</c> (above it), the decline reason for
    /// <c>failed</c>.
    /// </summary>
    private static async Task<IResult> CompleteAsync(
        string orderId,
        HttpRequest request,
        HaiPaySandbox sandbox,
        HaiPayCompletions completions,
        CancellationToken ct
    )
    {
        var body = await ControlRequest.ReadAsync(request, ct);
        var outcome = body.Choice("outcome", "success", HaiPayCompletions.CollectionOutcomes);
        var collected = body.Amount("amount");
        var reason = body.Text("reason");
        if (outcome is not ("partial" or "over"))
        {
            body.NotWith("amount", "applies to the outcomes partial and over only");
        }

        if (outcome != "failed")
        {
            body.NotWith("reason", "applies to the outcome failed only");
        }

        var c = sandbox.FindPayment(orderId);
        if (c is not null && collected is { Value: var value })
        {
            var ordered = decimal.Parse(c.Amount, System.Globalization.CultureInfo.InvariantCulture);
            if (outcome == "partial" ? value >= ordered : value <= ordered)
            {
                var side = outcome == "partial" ? "below" : "above";
                body.Errors["amount"] = [$"must be {side} the order's amount {c.Amount}"];
            }
        }

        if (body.Errors.Count > 0)
        {
            return ControlResults.Invalid(body.Errors);
        }

        if (c is null)
        {
            return ControlResults.NotFound("collection");
        }

        return completions.TryComplete(c, outcome!, collected?.Value, reason)
            ? Results.Ok(HaiPaySandboxControl.View(c))
            : ControlResults.Conflict($"The collection was already settled (HaiPay status {c.Status}).");
    }

    /// <summary>
    /// <c>{"status": "2" | "3", "actualAmount": "12.40", "fee": "0.30", "forget": "true"}</c>: HaiPay changes what its
    /// status query says about a collection afterwards, without a notification (a final answer changed, another amount
    /// or a fee reported, or, with <c>forget</c>, the order lost): what reconciliation must catch.
    /// </summary>
    private static async Task<IResult> RestateAsync(
        string orderId,
        HttpRequest request,
        HaiPaySandbox sandbox,
        CancellationToken ct
    )
    {
        var body = await ControlRequest.ReadAsync(request, ct);
        var status = body.Text("status");
        if (status is not (null or "2" or "3"))
        {
            body.Errors.TryAdd("status", ["must be one of: 2, 3"]);
        }

        var actual = body.Amount("actualAmount");
        var fee = body.Amount("fee");
        var forget = body.Text("forget");
        if (forget is not (null or "true" or "false"))
        {
            body.Errors.TryAdd("forget", ["must be one of: true, false"]);
        }
        if (body.Errors.Count > 0)
        {
            return ControlResults.Invalid(body.Errors);
        }

        if (sandbox.FindPayment(orderId) is not { } c)
        {
            return ControlResults.NotFound("collection");
        }

        lock (c)
        {
            c.Status = status is null ? c.Status : int.Parse(status, System.Globalization.CultureInfo.InvariantCulture);
            c.ActualAmount = actual?.Text ?? c.ActualAmount;
            c.Fee = fee?.Text ?? c.Fee;
            c.Forgotten = forget == "true" || (forget is null && c.Forgotten);
        }

        return Results.Ok(HaiPaySandboxControl.View(c));
    }

    /// <summary><c>{"outcome": "success" | "failed" | "refused", "reason": "..."}</c> for the next refund.</summary>
    private static async Task<IResult> ArrangeRefundAsync(
        string orderId,
        HttpRequest request,
        HaiPaySandbox sandbox,
        CancellationToken ct
    )
    {
        var body = await ControlRequest.ReadAsync(request, ct);
        var outcome = body.Choice("outcome", null, RefundOutcomes);
        var reason = body.Text("reason");
        if (body.Errors.Count > 0)
        {
            return ControlResults.Invalid(body.Errors);
        }

        if (sandbox.FindPayment(orderId) is not { } c)
        {
            return ControlResults.NotFound("collection");
        }

        c.NextRefund = new ArrangedRefund(outcome!, reason);
        return Results.Ok(
            new
            {
                c.OrderId,
                c.OrderNo,
                NextRefund = c.NextRefund,
            }
        );
    }

    /// <summary><c>{"outcome": "success" | "failed", "reason": "..."}</c> for a refund still processing.</summary>
    private static async Task<IResult> SettleRefundAsync(
        string refundId,
        HttpRequest request,
        HaiPaySandbox sandbox,
        CancellationToken ct
    )
    {
        var body = await ControlRequest.ReadAsync(request, ct);
        var outcome = body.Choice("outcome", null, TwoOutcomes);
        var reason = body.Text("reason");
        if (outcome == "success")
        {
            body.NotWith("reason", "applies to the outcome failed only");
        }

        if (body.Errors.Count > 0)
        {
            return ControlResults.Invalid(body.Errors);
        }

        if (sandbox.Refund(refundId) is not { } refund)
        {
            return ControlResults.NotFound("refund");
        }

        lock (refund)
        {
            if (refund.Status != 1)
            {
                return ControlResults.Conflict($"The refund was already settled (HaiPay status {refund.Status}).");
            }

            (refund.Outcome, refund.ErrorText) = (outcome!, reason ?? refund.ErrorText);
            refund.Status = outcome == "success" ? 2 : 3;
        }

        return Results.Ok(HaiPaySandboxControl.View(refund));
    }

    /// <summary><c>{"outcome": "success" | "failed"}</c>: the customer approves or declines the subscription.</summary>
    private static async Task<IResult> ConfirmAsync(
        string subscriptionId,
        HttpRequest request,
        HaiPaySandbox sandbox,
        HaiPayCompletions completions,
        CancellationToken ct
    )
    {
        var body = await ControlRequest.ReadAsync(request, ct);
        var outcome = body.Choice("outcome", "success", TwoOutcomes);
        if (body.Errors.Count > 0)
        {
            return ControlResults.Invalid(body.Errors);
        }

        if (sandbox.FindSubscription(subscriptionId) is not { } s)
        {
            return ControlResults.NotFound("subscription");
        }

        return completions.TryConfirm(s, outcome!)
            ? Results.Ok(
                new
                {
                    s.SubscriptionOrderId,
                    s.SubscriptionNo,
                    s.Status,
                }
            )
            : ControlResults.Conflict($"The subscription was already confirmed or declined (status {s.Status}).");
    }

    /// <summary><c>{"outcome": "success" | "failed", "reason": "..."}</c>: the due charge, made now.</summary>
    private static async Task<IResult> ChargeAsync(
        string subscriptionId,
        HttpRequest request,
        HaiPaySandbox sandbox,
        SubscriptionBilling billing,
        CancellationToken ct
    )
    {
        var body = await ControlRequest.ReadAsync(request, ct);
        var outcome = body.Choice("outcome", "success", TwoOutcomes);
        var reason = body.Text("reason");
        if (outcome == "success")
        {
            body.NotWith("reason", "applies to the outcome failed only");
        }

        if (body.Errors.Count > 0)
        {
            return ControlResults.Invalid(body.Errors);
        }

        if (sandbox.FindSubscription(subscriptionId) is not { } s)
        {
            return ControlResults.NotFound("subscription");
        }

        return billing.ChargeNow(s, outcome == "failed", reason) is { } charge
            ? Results.Ok(HaiPaySandboxControl.View(charge))
            : ControlResults.Conflict($"Only an active subscription is charged (status {s.Status}).");
    }

    private static IResult SwitchFaults(JsonElement changes, HaiPaySandbox sandbox)
    {
        lock (sandbox)
        {
            var (faults, errors) = FaultSwitches.Switch(sandbox.Faults, changes);
            if (faults is null)
            {
                return ControlResults.Invalid(errors);
            }

            sandbox.Faults = faults;
            return Results.Ok(faults);
        }
    }
}
