using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Payments.Core.HuaweiPin;
using Payments.Core.Orders;
using Payments.Core.Validation;
using Payments.Http.Endpoints;
using Payments.Http.Idempotency;
using Payments.Http.Callbacks;

namespace Payments.Http.HuaweiPin;

/// <summary><c>POST /api/huaweipin/frames</c> (merchant) and <c>POST /api/huaweipin/callback</c> (provider).</summary>
public sealed class HuaweiPinEndpoints(FrameService frames, HuaweiPinCallbackHandler callbacks, InboundMessageEndpoint inbound, IdempotentRequests idempotency)
{
    public Task<IResult> CreateFrameAsync(HttpRequest request, CancellationToken cancellationToken) =>
        idempotency.RunAsync(request, () =>
            JsonBody.ValidatedAsync(request, "frame", (body, errors) => Validate(body, IdempotencyKey.OrderIdFor(request, "hwp_"), errors), async command => ToResult(await frames.CreateAsync(command, cancellationToken)), cancellationToken),
            cancellationToken);

    public Task<IResult> CallbackAsync(HttpRequest request, CancellationToken cancellationToken) =>
        inbound.HandleAsync(request, callbacks, cancellationToken);

    private static CreateFrameCommand? Validate(JsonElement body, string? keyedOrderId, FieldErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be a JSON object");
            return null;
        }

        var orderId = JsonFields.OptionalString(body, "orderId", errors) ?? keyedOrderId;
        var username = JsonFields.OptionalString(body, "username", errors);
        var customerIp = JsonFields.OptionalString(body, "customerIp", errors);
        errors.Check("orderId", orderId is null ? FieldRules.OrderIdRequired : FieldRules.MerchantId(orderId));
        errors.Check("username", FieldRules.Text(username, 100));
        errors.Check("customerIp", FieldRules.IpAddress(customerIp));
        return errors.IsEmpty ? new CreateFrameCommand(orderId!, username!, customerIp!) : null;
    }

    private static IResult ToResult(CreateOutcome outcome)
    {
        var order = outcome.Order;
        if (outcome is { Kind: CreateOutcomeKind.Rejected, ProviderCode: FrameService.DuplicateOrderCode })
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "HUAWEIPIN says the order id is not unique", detail: order.LastError?.Value,
                extensions: CreateResults.Extensions(order, null));
        }

        return CreateResults.From(
            outcome, "HUAWEIPIN", new FrameView(order.Id, order.Status.ToString(), order.RedirectUrl?.Value));
    }
}
