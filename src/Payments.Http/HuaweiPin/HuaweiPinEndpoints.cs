using Microsoft.AspNetCore.Http;
using Payments.Core.HuaweiPin;
using Payments.Core.Orders;
using Payments.Core.Validation;
using Payments.Http.Endpoints;
using Payments.Http.Idempotency;
using Payments.Http.Problems;

namespace Payments.Http.HuaweiPin;

/// <summary><c>POST /api/huaweipin/frames</c> (merchant; callbacks go to InboundMessageEndpoint).</summary>
public sealed class HuaweiPinEndpoints(CreateFrameHandler frames, IdempotentRequests idempotency)
{
    public async Task<IResult> CreateFrameAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        using var request = await MerchantRequest.ReadAsync(http, cancellationToken);
        await using var entry = await idempotency.EnterAsync(request, cancellationToken);
        return entry.Answer ?? await entry.CompleteAsync(await CreateFrameAsync(request, cancellationToken));
    }

    private static IResult ToResult(CreateOutcome outcome)
    {
        var order = outcome.Order;
        if (outcome is { Kind: CreateOutcomeKind.Rejected, ProviderCode: CreateFrameHandler.DuplicateOrderCode })
        {
            return ApiProblem.About(
                ProblemCodes.OrderIdConflict,
                order,
                "HUAWEIPIN says the order id is not unique",
                order.LastError?.Value
            );
        }

        var view = new FrameView(order.Id, order.Status.ToString(), order.RedirectUrl?.Value);
        return CreateResults.From(outcome, "HUAWEIPIN", view);
    }

    private async Task<IResult> CreateFrameAsync(MerchantRequest request, CancellationToken cancellationToken)
    {
        if (request.BodyError is { } unreadable)
        {
            return unreadable;
        }

        var errors = new FieldErrors();
        var keyedId = request.Key?.OrderId(CreateFrameRequest.KeyedIdPrefix);
        var command = FrameValidator.Validate(request.Body!.Value, keyedId, errors);
        return command is null
            ? JsonBody.Invalid("frame", errors)
            : ToResult(await frames.HandleAsync(command, cancellationToken));
    }
}
