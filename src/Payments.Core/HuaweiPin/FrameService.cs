using Microsoft.Extensions.Options;
using Payments.Core.Orders;
using Payments.Core.Text;

namespace Payments.Core.HuaweiPin;

/// <summary>
/// Creates HUAWEIPIN frames: the order is written before GetFrame is called; a repeat of the same request
/// returns the stored frame, retries only when the earlier call's outcome is Unknown, and never reports a
/// frame as created unless the provider said so. A retry HUAWEIPIN answers with 304 (the order id is used: the earlier
/// call created a frame whose iframe URL was lost, and HUAWEIPIN has no query) makes the order NeedsReview
/// (<c>pay-url-unknown</c>). A refusal of our credentials (302/303/306) created nothing and is not final: the secrets are
/// read again and the same request retries, so a rotated key never rejects orders.
/// </summary>
public sealed class FrameService(
    OrderAdmission admissions,
    OrderUpdater updater,
    HuaweiPinClient client,
    IOptionsMonitor<HuaweiPinOptions> options,
    TimeProvider time)
{
    private static readonly ProviderText UnusableIframeUrl = ProviderText.Of(
        "HUAWEIPIN created the frame but its iframeUrl is no usable link (not an absolute https address); "
        + "it cannot be asked for again");

    /// <summary>HUAWEIPIN's code for "merchant_oid is empty or not unique".</summary>
    public const string DuplicateOrderCode = "304";

    /// <remarks>
    /// <paramref name="cancellationToken"/> (the caller's) counts only until the order row is written: after it, GetFrame and
    /// recording its answer run to the end whatever the merchant does (bounded by <c>HuaweiPin:Timeout</c>), so a merchant
    /// who hangs up never leaves the frame unrecorded.
    /// </remarks>
    public async Task<CreateOutcome> CreateAsync(CreateFrameCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = time.GetUtcNow();
        var settings = options.CurrentValue;
        var candidate = PaymentOrder.Create(
            new NewOrder(command.OrderId, PaymentProvider.HuaweiPin, command.Fingerprint, now + settings.FrameLifetime,
                Currency: settings.Currency, CustomerReference: command.Username, CustomerIp: command.CustomerIp),
            now);
        var admission = await admissions.AdmitAsync(candidate, cancellationToken);
        var order = admission.Order;
        var uninterrupted = CancellationToken.None;
        switch (admission.Kind)
        {
            case AdmissionKind.Conflict:
                return new CreateOutcome(CreateOutcomeKind.Conflict, order);
            case AdmissionKind.InProgress or AdmissionKind.Existing:
                return Repeat(order);
            case AdmissionKind.Unresolved:
                var counted = await updater.UpdateAsync(order.Id, (o, at) => o.RetryProviderCall(at), uninterrupted);
                order = counted.Order ?? order;
                break;
        }

        return await CallProviderAsync(command, order, retried: admission.Kind != AdmissionKind.New, uninterrupted);
    }

    private static CreateOutcome Repeat(PaymentOrder order) => order.Status switch
    {
        OrderStatus.Created => new CreateOutcome(CreateOutcomeKind.InProgress, order),
        OrderStatus.Rejected => new CreateOutcome(CreateOutcomeKind.Rejected, order),
        _ => new CreateOutcome(CreateOutcomeKind.Repeated, order),
    };

    private async Task<CreateOutcome> CallProviderAsync(CreateFrameCommand command, PaymentOrder order, bool retried, CancellationToken cancellationToken)
    {
        var result = await client.GetFrameAsync(new FrameRequest(command.OrderId, command.Username, command.CustomerIp), cancellationToken);
        var (kind, code, change) = result switch
        {
            FrameResult.Created { Link: { } link } created => (CreateOutcomeKind.Created, (string?)null,
                (Func<PaymentOrder, DateTimeOffset, Transition>)((o, at) =>
                    o.Accept(created.Token, link, o.NextCheckAt, at))),
            FrameResult.Created => (CreateOutcomeKind.Created, null,
                (o, at) => o.Accept(null, null, o.NextCheckAt, at)
                    .Then(x => x.FlagRedirectUnknown(UnusableIframeUrl, at))),
            FrameResult.Rejected { Code: 304 } rejected when retried => (CreateOutcomeKind.Repeated, DuplicateOrderCode,
                (o, at) => o.FlagRedirectUnknown(ProviderText.Of($"{rejected.Code}: HUAWEIPIN already has a frame for this order id (an earlier answer was lost); its iframeUrl cannot be asked for"), at)),
            FrameResult.Rejected { IsCredentialProblem: true } rejected => (CreateOutcomeKind.Unavailable,
                rejected.Code.ToString(System.Globalization.CultureInfo.InvariantCulture),
                (o, at) => o.MarkUnknown(ProviderText.Of($"{rejected.Code}: {rejected.Message} (our credentials were refused; they are read again, send the same request again)"), o.NextCheckAt, at)),
            FrameResult.Rejected rejected => (CreateOutcomeKind.Rejected, rejected.Code.ToString(System.Globalization.CultureInfo.InvariantCulture),
                (o, at) => o.Reject(ProviderText.Of($"{rejected.Code}: {rejected.Message}"), at)),
            FrameResult.Unavailable unavailable => (CreateOutcomeKind.Unavailable, null,
                (o, at) => o.MarkUnknown(ProviderText.Of(unavailable.Reason), o.NextCheckAt, at)),
            _ => throw new InvalidOperationException($"Unexpected GetFrame result {result.GetType().Name}."),
        };

        var updated = await updater.UpdateAsync(order.Id, change, cancellationToken);
        var stored = updated.Order ?? order;
        if (kind == CreateOutcomeKind.Created && updated.Kind != TransitionKind.Changed)
        {
            return Repeat(stored);
        }

        return new CreateOutcome(kind, stored, code);
    }
}
