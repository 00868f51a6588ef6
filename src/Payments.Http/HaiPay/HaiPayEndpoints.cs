using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Payments.Core.HaiPay;
using Payments.Core.Orders;
using Payments.Core.Validation;
using Payments.Http.Endpoints;

namespace Payments.Http.HaiPay;

/// <summary>HaiPay collections and refunds (merchant, key required) and notifications (HaiPay, signed).</summary>
public sealed class HaiPayEndpoints(
    CollectionService collections,
    RefundService refunds,
    NotificationProcessor notifications,
    IOrderRepository orders,
    IOptionsMonitor<HaiPayOptions> options,
    TimeProvider time)
{
    public async Task<IResult> CreateCollectionAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, error) = await JsonBody.ReadAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        using (document)
        {
            var errors = new FieldErrors();
            var command = CollectionValidator.Validate(document!.RootElement, options.CurrentValue, time.GetUtcNow(), errors);
            if (command is null)
            {
                return Results.ValidationProblem(errors.ToDictionary(), title: "The collection request has invalid fields.");
            }

            var outcome = await collections.CreateAsync(command, cancellationToken);
            return CreateResults.From(outcome, "HaiPay", CollectionView.From(outcome.Order));
        }
    }

    public async Task<IResult> GetCollectionAsync(string orderId, CancellationToken cancellationToken)
    {
        var found = await orders.FindAsync(orderId, cancellationToken);
        if (found?.Value is not { Provider: PaymentProvider.HaiPay, Kind: OrderKind.Payment } collection)
        {
            return NotFound(orderId);
        }

        var refund = collection.RefundOrderId is { } refundId ? await orders.FindAsync(refundId, cancellationToken) : null;
        return Results.Ok(CollectionView.From(collection, refund?.Value));
    }

    public async Task<IResult> RefundAsync(string orderId, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        string? refundId = null;
        if (request.ContentLength is > 0 || request.ContentType is not null)
        {
            var (document, error) = await JsonBody.ReadAsync(request, cancellationToken);
            if (error is not null)
            {
                return error;
            }

            using (document)
            {
                var body = document!.RootElement;
                refundId = body.ValueKind == JsonValueKind.Object ? JsonFields.OptionalString(body, "refundId", errors) : null;
                errors.Check("body", body.ValueKind == JsonValueKind.Object ? null : "must be a JSON object");
                errors.Check("refundId", refundId is null ? null : FieldRules.OrderId(refundId));
            }
        }

        if (!errors.IsEmpty)
        {
            return Results.ValidationProblem(errors.ToDictionary(), title: "The refund request has invalid fields.");
        }

        var outcome = await refunds.RefundAsync(orderId, refundId, cancellationToken);
        return outcome is null ? NotFound(orderId) : CreateResults.From(outcome, "HaiPay", Describe(outcome.Order));
    }

    public async Task<IResult> NotifyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, error) = await JsonBody.ReadAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        using (document)
        {
            var outcome = await notifications.ProcessAsync(document!.RootElement, cancellationToken);
            return CallbackResults.From(outcome, "SUCCESS");
        }
    }

    private static object Describe(PaymentOrder order) => order.Kind == OrderKind.Refund ? RefundView.From(order) : CollectionView.From(order);

    private static IResult NotFound(string orderId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Collection not found", detail: $"No HaiPay collection has the id '{orderId}'.");
}
