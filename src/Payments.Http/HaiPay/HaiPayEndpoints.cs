using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Payments.Core.HaiPay;
using Payments.Core.Orders;
using Payments.Core.Validation;
using Payments.Http.Endpoints;
using Payments.Http.Idempotency;
using Payments.Http.Callbacks;

namespace Payments.Http.HaiPay;

/// <summary>HaiPay collections and refunds (merchant, key required) and notifications (HaiPay, signed).</summary>
public sealed class HaiPayEndpoints(
    CollectionService collections,
    RefundService refunds,
    HaiPayNotificationHandler notifications,
    InboundMessageEndpoint inbound,
    IOrderRepository orders,
    IOptionsMonitor<HaiPayOptions> options,
    IdempotentRequests idempotency,
    TimeProvider time)
{
    /// <summary>A refund request without a body asks for the default refund id.</summary>
    private static readonly JsonElement NoBody = JsonDocument.Parse("{}").RootElement.Clone();

    public Task<IResult> CreateCollectionAsync(HttpRequest request, CancellationToken cancellationToken) =>
        idempotency.RunAsync(request, () => JsonBody.ValidatedAsync(
            request,
            "collection",
            (body, errors) => CollectionValidator.Validate(body, options.CurrentValue, time.GetUtcNow(), IdempotencyKey.OrderIdFor(request, "hpy_"), errors),
            async command =>
            {
                var outcome = await collections.CreateAsync(command, cancellationToken);
                return CreateResults.From(outcome, "HaiPay", CollectionView.From(outcome.Order));
            },
            cancellationToken), cancellationToken);

    public async Task<IResult> GetCollectionAsync(string orderId, CancellationToken cancellationToken)
    {
        var collection = await orders.FindHaiPayAsync(orderId, OrderKind.Payment, cancellationToken);
        if (collection is null)
        {
            return NotFound(orderId);
        }

        var refund = collection.RefundOrderId is { } refundId ? await orders.FindAsync(refundId, cancellationToken) : null;
        return Results.Ok(CollectionView.From(collection, refund?.Value));
    }

    public Task<IResult> RefundAsync(string orderId, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hasBody = request.ContentLength is > 0 || request.ContentType is not null;
        return idempotency.RunAsync(request, () => hasBody
            ? JsonBody.HandleAsync(request, body => RefundAsync(orderId, body, cancellationToken), cancellationToken)
            : RefundAsync(orderId, NoBody, cancellationToken), cancellationToken);
    }

    private async Task<IResult> RefundAsync(string orderId, JsonElement body, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var refundId = body.ValueKind == JsonValueKind.Object ? JsonFields.OptionalString(body, "refundId", errors) : null;
        errors.Check("body", body.ValueKind == JsonValueKind.Object ? null : "must be a JSON object");
        errors.Check("refundId", refundId is null ? null : FieldRules.MerchantId(refundId));
        if (!errors.IsEmpty)
        {
            return Results.ValidationProblem(errors.ToDictionary(), title: "The refund request has invalid fields.");
        }

        var outcome = await refunds.RefundAsync(orderId, refundId, cancellationToken);
        return outcome is null ? NotFound(orderId) : CreateResults.From(outcome, "HaiPay", Describe(outcome.Order));
    }

    public Task<IResult> NotifyAsync(HttpRequest request, CancellationToken cancellationToken) =>
        inbound.HandleAsync(request, notifications, cancellationToken);

    private static object Describe(PaymentOrder order) => order.Kind == OrderKind.Refund ? RefundView.From(order) : CollectionView.From(order);

    private static IResult NotFound(string orderId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Collection not found", detail: $"No HaiPay collection has the id '{orderId}'.");
}
