using System.Globalization;
using Microsoft.Extensions.Options;
using Payments.Core.Orders;
using Payments.Core.Text;

namespace Payments.Core.HuaweiPin;

/// <summary>
/// Creates a HUAWEIPIN frame: the order is written before GetFrame is called; a repeat of the same request
/// returns the stored frame, retries only when the earlier call's outcome is Unknown, and never reports a
/// frame as created unless the provider said so. A retry HUAWEIPIN answers with 304 (the order id is used: the earlier
/// call created a frame whose iframe URL was lost, and HUAWEIPIN has no query) makes the order NeedsReview
/// (<c>pay-url-unknown</c>). A refusal of our credentials (302/303/306) created nothing and is not final: the secrets
/// are read again and the same request retries, so a rotated key never rejects orders.
/// </summary>
public sealed class CreateFrameHandler(
    OrderAdmission admissions,
    OrderUpdater updater,
    HuaweiPinClient client,
    IOptionsMonitor<HuaweiPinOptions> options,
    TimeProvider time
)
{
    /// <summary>HUAWEIPIN's code for "merchant_oid is empty or not unique".</summary>
    public const string DuplicateOrderCode = "304";

    private static readonly ProviderText UnusableIframeUrl = ProviderText.Of(
        "HUAWEIPIN created the frame but its iframeUrl is no usable link (not an absolute https address); "
            + "it cannot be asked for again"
    );

    /// <remarks>
    /// <paramref name="cancellationToken"/> (the caller's) counts only until the order row is written: after it,
    /// GetFrame and recording its answer run to the end whatever the merchant does (bounded by
    /// <c>HuaweiPin:Timeout</c>), so a merchant who hangs up never leaves the frame unrecorded. A new order's first
    /// update starts from the order as inserted, never read again.
    /// </remarks>
    public async Task<CreateOutcome> HandleAsync(CreateFrameCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = time.GetUtcNow();
        var settings = options.CurrentValue;
        var candidate = PaymentOrder.Create(
            new NewOrder(
                command.OrderId,
                PaymentProvider.HuaweiPin,
                command.Fingerprint,
                now + settings.FrameLifetime,
                Currency: settings.Currency,
                CustomerReference: command.Username,
                CustomerIp: command.CustomerIp
            ),
            now
        );
        var admission = await admissions.AdmitAsync(candidate, cancellationToken);
        var uninterrupted = CancellationToken.None;
        switch (admission.Kind)
        {
            case AdmissionKind.Conflict:
                return new CreateOutcome(CreateOutcomeKind.Conflict, admission.Order);
            case AdmissionKind.InProgress or AdmissionKind.Existing:
                return Repeat(admission.Order);
            case AdmissionKind.Unresolved:
                var counted = await updater.UpdateAsync(
                    admission.Stored,
                    (o, at) => o.RetryProviderCall(at),
                    uninterrupted
                );
                return await CallProviderAsync(command, counted.Order ?? admission.Order, null, true, uninterrupted);
            default:
                return await CallProviderAsync(command, admission.Order, admission.Stored, false, uninterrupted);
        }
    }

    private static CreateOutcome Repeat(PaymentOrder order) =>
        order.Status switch
        {
            OrderStatus.Created => new CreateOutcome(CreateOutcomeKind.InProgress, order),
            OrderStatus.Rejected => new CreateOutcome(CreateOutcomeKind.Rejected, order),
            _ => new CreateOutcome(CreateOutcomeKind.Repeated, order),
        };

    /// <summary>
    /// Calls GetFrame and records its answer, starting from <paramref name="stored"/> when it is known.
    /// </summary>
    private async Task<CreateOutcome> CallProviderAsync(
        CreateFrameCommand command,
        PaymentOrder order,
        Versioned<PaymentOrder>? stored,
        bool retried,
        CancellationToken cancellationToken
    )
    {
        var result = await client.GetFrameAsync(
            new FrameRequest(command.OrderId, command.Username, command.CustomerIp),
            cancellationToken
        );
        var (kind, code, change) = Verdict(result, retried);
        var updated = stored is null
            ? await updater.UpdateAsync(order.Id, change, cancellationToken)
            : await updater.UpdateAsync(stored, change, cancellationToken);
        var recorded = updated.Order ?? order;
        if (kind == CreateOutcomeKind.Created && updated.Kind != TransitionKind.Changed)
        {
            return Repeat(recorded);
        }

        return new CreateOutcome(kind, recorded, code);
    }

    /// <summary>What GetFrame's answer makes of the order, and how the request is answered.</summary>
    private static (
        CreateOutcomeKind Kind,
        string? Code,
        Func<PaymentOrder, DateTimeOffset, Transition> Change
    ) Verdict(FrameResult result, bool retried) =>
        result switch
        {
            FrameResult.Created { Link: { } link } created => (CreateOutcomeKind.Created, null, (o, at) =>
                o.Accept(created.Token, link, o.NextCheckAt, at)
            ),
            FrameResult.Created => (CreateOutcomeKind.Created, null, (o, at) =>
                o.Accept(null, null, o.NextCheckAt, at).Then(x => x.FlagRedirectUnknown(UnusableIframeUrl, at))
            ),
            FrameResult.Rejected { Code: 304 } rejected when retried => (
                CreateOutcomeKind.Repeated,
                DuplicateOrderCode,
                (o, at) =>
                    o.FlagRedirectUnknown(
                        ProviderText.Of(
                            $"{rejected.Code}: HUAWEIPIN already has a frame for "
                                + "this order id (an earlier answer was lost); its iframeUrl cannot be asked for"
                        ),
                        at
                    )
            ),
            FrameResult.Rejected { IsCredentialProblem: true } rejected => (
                CreateOutcomeKind.Unavailable,
                Code(rejected),
                (o, at) =>
                    o.MarkUnknown(
                        ProviderText.Of(
                            $"{rejected.Code}: {rejected.Message} (our credentials were "
                                + "refused; they are read again, send the same request again)"
                        ),
                        o.NextCheckAt,
                        at
                    )
            ),
            FrameResult.Rejected rejected => (CreateOutcomeKind.Rejected, Code(rejected), (o, at) =>
                o.Reject(ProviderText.Of($"{rejected.Code}: {rejected.Message}"), at)
            ),
            FrameResult.Unavailable unavailable => (CreateOutcomeKind.Unavailable, null, (o, at) =>
                o.MarkUnknown(ProviderText.Of(unavailable.Reason), o.NextCheckAt, at)
            ),
            _ => throw new InvalidOperationException($"Unexpected GetFrame result {result.GetType().Name}."),
        };

    private static string Code(FrameResult.Rejected rejected) => rejected.Code.ToString(CultureInfo.InvariantCulture);
}
