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
            return ApiProblem.Invalid(
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
        var extensions = ApiProblem.OrderMembers(subscription, outcome.ProviderCode);
        var unnumbered = subscription.ProviderReference is null ? " and HaiPay has not numbered it" : string.Empty;
        return outcome.Kind switch
        {
            CancelOutcomeKind.Canceled => Results.Ok(
                SubscriptionView.From(
                    subscription,
                    await orders.FindChildrenAsync(subscription.Id, cancellationToken).ToListAsync(cancellationToken)
                )
            ),
            CancelOutcomeKind.NotAllowed => ApiProblem.Of(
                ProblemCodes.OrderStateConflict,
                "Not allowed in the subscription's state",
                $"Subscription '{subscription.Id}' is {subscription.Status}{unnumbered}.",
                extensions
            ),
            CancelOutcomeKind.Refused => ApiProblem.Of(
                ProblemCodes.ProviderRefused,
                "HaiPay refused the cancel",
                "HaiPay still reports the subscription as not canceled.",
                extensions
            ),
            _ => ApiProblem.Of(
                ProblemCodes.ProviderUnavailable,
                "HaiPay did not answer",
                "The subscription may or may not be canceled; send the same request again (cancel is " + "idempotent).",
                extensions
            ),
        };
    }

    private static IResult NotFound(string subscriptionId) =>
        ApiProblem.Of(
            ProblemCodes.OrderNotFound,
            "Subscription not found",
            $"No HaiPay subscription has the id '{subscriptionId}'."
        );
}
