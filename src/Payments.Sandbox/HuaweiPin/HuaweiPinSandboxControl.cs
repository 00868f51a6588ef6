using System.Text.Json;
using Payments.Sandbox.Control;

namespace Payments.Sandbox.HuaweiPin;

/// <summary>
/// The sandbox's own routes under <c>/huaweipin/_sandbox</c> (JSON in and out): the faults (read, replace, switch
/// some, clear), what a frame holds, and completing a frame without its page (<c>scripts/sandbox pay|decline</c>),
/// which sends the callback exactly as the page's buttons do.
/// </summary>
public static class HuaweiPinSandboxControl
{
    private static readonly string[] Outcomes = ["success", "failed"];

    public static RouteGroupBuilder MapHuaweiPinSandboxControl(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/_sandbox/faults", (HuaweiPinSandbox sandbox) => Results.Ok(sandbox.Faults));
        group.MapPost("/_sandbox/faults", (HuaweiPinFaults faults, HuaweiPinSandbox sandbox) =>
        {
            sandbox.Faults = faults;
            return Results.Ok(faults);
        });
        group.MapPatch("/_sandbox/faults", SwitchFaults);
        group.MapDelete("/_sandbox/faults", (HuaweiPinSandbox sandbox) =>
        {
            sandbox.Faults = new HuaweiPinFaults();
            return Results.Ok(sandbox.Faults);
        });
        group.MapGet("/_sandbox/frames/{merchantOid}", (string merchantOid, HuaweiPinSandbox sandbox) =>
            sandbox.Find(merchantOid) is { } frame ? Results.Ok(View(frame)) : ControlResults.NotFound("frame")
        );
        group.MapPost("/_sandbox/frames/{merchantOid}/complete", CompleteAsync);
        group.MapGet("/_sandbox/getframe-calls/{merchantOid}", (string merchantOid, HuaweiPinSandbox sandbox) =>
            Results.Ok(new { calls = sandbox.GetFrameCalls(merchantOid) })
        );
        return group;
    }

    private static IResult SwitchFaults(JsonElement changes, HuaweiPinSandbox sandbox)
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

    /// <summary>
    /// <c>{"outcome": "success" | "failed", "amount": "100.00"}</c> (both optional, these defaults): the customer's
    /// choice on the payment page of the frame of a merchant order id (or token).
    /// </summary>
    private static async Task<IResult> CompleteAsync(
        string merchantOid,
        HttpRequest request,
        HuaweiPinSandbox sandbox,
        HuaweiPinCallbackDispatcher dispatcher,
        CancellationToken ct
    )
    {
        var body = await ControlRequest.ReadAsync(request, ct);
        var outcome = body.Choice("outcome", "success", Outcomes);
        var amount = body.Amount("amount")?.Text ?? "100.00";
        if (body.Errors.Count > 0)
        {
            return ControlResults.Invalid(body.Errors);
        }

        if (sandbox.Find(merchantOid) is not { } frame)
        {
            return ControlResults.NotFound("frame");
        }

        if (!sandbox.TryComplete(frame, outcome!, amount))
        {
            return ControlResults.Conflict($"The frame was already completed ({frame.Status}).");
        }

        dispatcher.Start(frame, sandbox.Faults);
        return Results.Ok(View(frame));
    }

    private static object View(SandboxFrame frame) =>
        new
        {
            frame.Token,
            frame.MerchantOid,
            frame.Status,
            frame.Amount,
            Deliveries = frame.Deliveries.ToArray(),
        };
}
