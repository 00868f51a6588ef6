using Payments.Sandbox.Control;

namespace Payments.Sandbox.HaiPay;

/// <summary>
/// The sandbox's own endpoints under <c>/haipay/_sandbox</c>, for tests and <c>scripts/sandbox</c>: the faults to
/// inject, and what the sandbox holds (collections, refunds, applies counted per order id, the platform public key);
/// the triggers are <see cref="HaiPayTriggers"/>.
/// </summary>
public static class HaiPaySandboxControl
{
    public static RouteGroupBuilder MapHaiPaySandboxControl(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/_sandbox/faults", (HaiPayFaults faults, HaiPaySandbox sandbox) =>
        {
            sandbox.Faults = faults;
            return Results.Ok(faults);
        });
        group.MapGet("/_sandbox/refunds/{orderId}", (string orderId, HaiPaySandbox sandbox) =>
            sandbox.Refund(orderId) is { } r ? Results.Ok(View(r)) : ControlResults.NotFound("refund")
        );
        group.MapGet("/_sandbox/faults", (HaiPaySandbox sandbox) =>
            Results.Ok(new { sandbox.Faults, sandbox.InjectedFailures })
        );
        group.MapGet("/_sandbox/applies/{orderId}", (string orderId, HaiPaySandbox sandbox) =>
            Results.Ok(new { orderId, applies = sandbox.Applies(orderId) })
        );
        group.MapGet("/_sandbox/platform-key", (HaiPaySandbox sandbox) =>
            Results.Text(sandbox.PlatformPublicKeyBase64)
        );
        group.MapGet("/_sandbox/orders/{orderId}", (string orderId, HaiPaySandbox sandbox) =>
            sandbox.FindPayment(orderId) is { } c ? Results.Ok(View(c)) : ControlResults.NotFound("collection")
        );
        group.MapHaiPayTriggers();
        return group;
    }

    /// <summary>What the sandbox holds of a collection or charge (the card's last four digits only).</summary>
    public static object View(SandboxPayment c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new
        {
            c.OrderId,
            c.OrderNo,
            c.Amount,
            c.Currency,
            c.Status,
            c.ActualAmount,
            c.ErrorMsg,
            c.CardLast4,
            c.Subscription?.SubscriptionOrderId,
            c.NextRefund,
            c.Queries,
            Deliveries = c.Deliveries.ToArray(),
        };
    }

    public static object View(SandboxRefund r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new
        {
            r.OrderId,
            r.RefundNo,
            r.OrderNo,
            r.Outcome,
            r.Status,
            r.ErrorText,
            r.Currency,
            Calls = r.Calls.ToArray(),
        };
    }
}
