namespace Payments.Sandbox.HaiPay;

/// <summary>
/// The sandbox's own endpoints under <c>/haipay/_sandbox</c>, for tests: the faults to inject, and what the sandbox
/// holds (collections, refunds, applies counted per order id, the platform public key).
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
        group.MapGet("/_sandbox/refunds/{orderId}", (string orderId, HaiPaySandbox sandbox) => sandbox.Refund(orderId)
                is { } r
                ? Results.Ok(
                    new
                    {
                        r.OrderId,
                        r.RefundNo,
                        r.OrderNo,
                        r.Outcome,
                        r.Currency,
                        Calls = r.Calls.ToArray(),
                    }
                )
                : Results.NotFound());
        group.MapGet("/_sandbox/faults", (HaiPaySandbox sandbox) =>
            Results.Ok(new { sandbox.Faults, sandbox.InjectedFailures })
        );
        group.MapGet("/_sandbox/applies/{orderId}", (string orderId, HaiPaySandbox sandbox) =>
            Results.Ok(new { orderId, applies = sandbox.Applies(orderId) })
        );
        group.MapGet("/_sandbox/platform-key", (HaiPaySandbox sandbox) =>
            Results.Text(sandbox.PlatformPublicKeyBase64)
        );
        group.MapGet("/_sandbox/orders/{orderId}", (string orderId, HaiPaySandbox sandbox) => sandbox.ByOrderId(orderId)
                is { } c
                ? Results.Ok(
                    new
                    {
                        c.OrderId,
                        c.OrderNo,
                        c.Amount,
                        c.Status,
                        c.ActualAmount,
                        c.CardLast4,
                        c.Queries,
                        Deliveries = c.Deliveries.ToArray(),
                    }
                )
                : Results.NotFound());
        return group;
    }
}
