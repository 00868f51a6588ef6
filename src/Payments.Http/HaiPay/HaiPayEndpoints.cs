using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Payments.Core.HaiPay;
using Payments.Core.Orders;
using Payments.Core.Validation;
using Payments.Http.Endpoints;
using Payments.Http.Idempotency;
using Payments.Http.Problems;

namespace Payments.Http.HaiPay;

/// <summary>
/// HaiPay collections and refunds (merchant, key required; notifications go to InboundMessageEndpoint). A request, in
/// order: read once (<see cref="MerchantRequest"/>), entered under its <c>Idempotency-Key</c>
/// (<see cref="IdempotentRequests"/>), validated into one command, handled by that command's handler, its outcome
/// answered (<see cref="CreateResults"/>) and stored under the key.
/// </summary>
public sealed class HaiPayEndpoints(
    CreateCollectionHandler collections,
    RefundCollectionHandler refunds,
    IOrderRepository orders,
    IOptionsMonitor<HaiPayOptions> options,
    IdempotentRequests idempotency,
    TimeProvider time
)
{
    public async Task<IResult> CreateCollectionAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        using var request = await MerchantRequest.ReadAsync(http, cancellationToken);
        await using var entry = await idempotency.EnterAsync(request, cancellationToken);
        return entry.Answer ?? await entry.CompleteAsync(await CreateCollectionAsync(request, cancellationToken));
    }

    public async Task<IResult> GetCollectionAsync(string orderId, CancellationToken cancellationToken)
    {
        var collection = await orders.FindHaiPayAsync(orderId, OrderKind.Payment, cancellationToken);
        if (collection is null)
        {
            return NotFound(orderId);
        }

        var refund = collection.RefundOrderId is { } refundId
            ? await orders.FindAsync(refundId, cancellationToken)
            : null;
        return Results.Ok(CollectionView.From(collection, refund?.Value));
    }

    /// <summary>The body is optional: a request without one asks for the default refund id.</summary>
    public async Task<IResult> RefundAsync(string orderId, HttpRequest http, CancellationToken cancellationToken)
    {
        using var request = await MerchantRequest.ReadAsync(http, cancellationToken);
        await using var entry = await idempotency.EnterAsync(request, cancellationToken);
        return entry.Answer ?? await entry.CompleteAsync(await RefundAsync(orderId, request, cancellationToken));
    }

    private async Task<IResult> CreateCollectionAsync(MerchantRequest request, CancellationToken cancellationToken)
    {
        if (request.BodyError is { } unreadable)
        {
            return unreadable;
        }

        var errors = new FieldErrors();
        var keyedId = request.Key?.OrderId(CreateCollectionRequest.KeyedIdPrefix);
        var command = CollectionValidator.Validate(
            request.Body!.Value,
            options.CurrentValue,
            time.GetUtcNow(),
            keyedId,
            errors
        );
        if (command is null)
        {
            return JsonBody.Invalid("collection", errors);
        }

        var outcome = await collections.HandleAsync(command, cancellationToken);
        return CreateResults.From(outcome, "HaiPay", CollectionView.From(outcome.Order));
    }

    private async Task<IResult> RefundAsync(
        string orderId,
        MerchantRequest request,
        CancellationToken cancellationToken
    )
    {
        var errors = new FieldErrors();
        RefundCollectionCommand? command;
        if (!request.DeclaresBody)
        {
            command = RefundValidator.Default(orderId);
        }
        else if (request.BodyError is { } unreadable)
        {
            return unreadable;
        }
        else
        {
            command = RefundValidator.Validate(orderId, request.Body!.Value, errors);
        }

        if (command is null)
        {
            return JsonBody.Invalid("refund", errors);
        }

        var outcome = await refunds.HandleAsync(command, cancellationToken);
        return outcome is null ? NotFound(orderId) : CreateResults.From(outcome, "HaiPay", Describe(outcome.Order));
    }

    private static object Describe(PaymentOrder order) =>
        order.Kind == OrderKind.Refund ? RefundView.From(order) : CollectionView.From(order);

    private static IResult NotFound(string orderId) =>
        ApiProblem.Of(
            ProblemCodes.OrderNotFound,
            "Collection not found",
            $"No HaiPay collection has the id '{orderId}'."
        );
}
