using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Payments.Core.Callbacks;
using Payments.Core.HuaweiPin;
using Payments.Core.Orders;
using Payments.Core.Validation;
using Payments.Http.Endpoints;

namespace Payments.Http.HuaweiPin;

/// <summary><c>POST /api/huaweipin/frames</c> (merchant) and <c>POST /api/huaweipin/callback</c> (provider).</summary>
public sealed class HuaweiPinEndpoints(FrameService frames, CallbackProcessor callbacks)
{
    public async Task<IResult> CreateFrameAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, error) = await JsonBody.ReadAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        using (document)
        {
            var command = Validate(document!.RootElement, out var errors);
            if (command is null)
            {
                return Results.ValidationProblem(errors.ToDictionary(), title: "The frame request has invalid fields.");
            }

            var outcome = await frames.CreateAsync(command, cancellationToken);
            return ToResult(outcome);
        }
    }

    public async Task<IResult> CallbackAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, error) = await JsonBody.ReadAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        using (document)
        {
            var outcome = await callbacks.ProcessAsync(document!.RootElement, cancellationToken);
            return outcome.Kind switch
            {
                CallbackOutcomeKind.Acknowledged => Results.Text("OK", "text/plain"),
                CallbackOutcomeKind.Unauthorized => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Callback not authentic"),
                _ => Results.ValidationProblem(outcome.Errors!.ToDictionary(), title: "The callback has invalid fields."),
            };
        }
    }

    private static CreateFrameCommand? Validate(JsonElement body, out FieldErrors errors)
    {
        errors = new FieldErrors();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be a JSON object");
            return null;
        }

        var orderId = JsonFields.OptionalString(body, "orderId", errors);
        var username = JsonFields.OptionalString(body, "username", errors);
        var customerIp = JsonFields.OptionalString(body, "customerIp", errors);
        errors.Check("orderId", orderId is null ? null : FieldRules.OrderId(orderId));
        errors.Check("username", FieldRules.Text(username, 100));
        errors.Check("customerIp", FieldRules.IpAddress(customerIp));
        return errors.IsEmpty ? new CreateFrameCommand(orderId ?? $"hwp_{Guid.NewGuid():N}", username!, customerIp!) : null;
    }

    private static IResult ToResult(CreateOutcome outcome)
    {
        var order = outcome.Order;
        var view = new FrameView(order.Id, order.Status.ToString(), order.RedirectUrl);
        var extensions = new Dictionary<string, object?> { ["orderId"] = order.Id, ["status"] = order.Status.ToString() };
        return outcome.Kind switch
        {
            CreateOutcomeKind.Created => Results.Created($"/api/orders/{Uri.EscapeDataString(order.Id)}", view),
            CreateOutcomeKind.Repeated => Results.Ok(view),
            CreateOutcomeKind.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Order id already used",
                detail: "An order with this id exists with different content.", extensions: extensions),
            CreateOutcomeKind.InProgress => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Request in progress",
                detail: "The first request for this order id is still running; retry shortly.", extensions: extensions),
            CreateOutcomeKind.Rejected when outcome.ProviderCode == FrameService.DuplicateOrderCode => Results.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "HUAWEIPIN says the order id is not unique", detail: order.LastError, extensions: extensions),
            CreateOutcomeKind.Rejected => Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "HUAWEIPIN refused the frame",
                detail: order.LastError, extensions: extensions),
            _ => Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "HUAWEIPIN did not answer",
                detail: "The frame may or may not exist; send the same request again to retry. The order is Unknown, never reported as created.",
                extensions: extensions),
        };
    }
}
