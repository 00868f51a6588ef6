using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Payments.Core.HaiPay;
using Payments.Core.Orders;
using Payments.Core.Validation;
using Payments.Http.Endpoints;
using Payments.Http.Idempotency;

namespace Payments.Http.HaiPay;

/// <summary>
/// HaiPay subscriptions (merchant, key required): create, read (optionally refreshed from HaiPay), cancel.
/// </summary>
public sealed class SubscriptionEndpoints(
    CreateSubscriptionHandler creates,
    CancelSubscriptionHandler cancels,
    SubscriptionQueries subscriptions,
    IOrderRepository orders,
    IOptionsMonitor<HaiPayOptions> options,
    IdempotentRequests idempotency,
    TimeProvider time
)
{
    public async Task<IResult> CreateAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        using var request = await MerchantRequest.ReadAsync(http, cancellationToken);
        await using var entry = await idempotency.EnterAsync(request, cancellationToken);
        return entry.Answer ?? await entry.CompleteAsync(await CreateAsync(request, cancellationToken));
    }

    /// <summary><c>?refresh=true</c> asks HaiPay (<c>subscription/query</c>) before answering.</summary>
    public async Task<IResult> GetAsync(string subscriptionId, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Query["refresh"].ToString();
        if (!bool.TryParse(text.Length == 0 ? "false" : text, out var refresh))
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["refresh"] = ["must be true or false"] },
                title: "The request has invalid fields."
            );
        }

        var subscription = await subscriptions.FindAsync(subscriptionId, refresh, cancellationToken);
        if (subscription is null)
        {
            return NotFound(subscriptionId);
        }

        var charges = await orders.FindChildrenAsync(subscription.Id, cancellationToken).ToListAsync(cancellationToken);
        return Results.Ok(SubscriptionView.From(subscription, charges));
    }

    public Task<IResult> CancelAsync(string subscriptionId, HttpRequest request, CancellationToken cancellationToken) =>
        idempotency.RunAsync(request, () => CancelAsync(subscriptionId, cancellationToken), cancellationToken);

    private async Task<IResult> CreateAsync(MerchantRequest request, CancellationToken cancellationToken)
    {
        if (request.BodyError is { } unreadable)
        {
            return unreadable;
        }

        var errors = new FieldErrors();
        var keyedId = request.Key?.OrderId(CreateSubscriptionRequest.KeyedIdPrefix);
        var command = SubscriptionValidator.Validate(
            request.Body!.Value,
            options.CurrentValue,
            time.GetUtcNow(),
            keyedId,
            errors
        );
        if (command is null)
        {
            return JsonBody.Invalid("subscription", errors);
        }

        var outcome = await creates.HandleAsync(command, cancellationToken);
        return CreateResults.From(outcome, "HaiPay", SubscriptionView.From(outcome.Order));
    }

    private async Task<IResult> CancelAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var outcome = await cancels.HandleAsync(new CancelSubscriptionCommand(subscriptionId), cancellationToken);
        if (outcome is null)
        {
            return NotFound(subscriptionId);
        }

        var subscription = outcome.Subscription;
        var extensions = CreateResults.Extensions(subscription, outcome.ProviderCode);
        var unnumbered = subscription.ProviderReference is null ? " and HaiPay has not numbered it" : string.Empty;
        return outcome.Kind switch
        {
            CancelOutcomeKind.Canceled => Results.Ok(SubscriptionView.From(subscription)),
            CancelOutcomeKind.NotAllowed => Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Not allowed in the subscription's state",
                detail: $"Subscription '{subscription.Id}' is {subscription.Status}{unnumbered}.",
                extensions: extensions
            ),
            CancelOutcomeKind.Refused => Results.Problem(
                statusCode: StatusCodes.Status502BadGateway,
                title: "HaiPay refused the cancel",
                detail: "HaiPay still reports the subscription as not canceled.",
                extensions: extensions
            ),
            _ => Results.Problem(
                statusCode: StatusCodes.Status502BadGateway,
                title: "HaiPay did not answer",
                detail: "The subscription may or may not be canceled; send the same request again (cancel is "
                    + "idempotent).",
                extensions: extensions
            ),
        };
    }

    private static IResult NotFound(string subscriptionId) =>
        Results.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Subscription not found",
            detail: $"No HaiPay subscription has the id '{subscriptionId}'."
        );
}
