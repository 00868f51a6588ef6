using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Core.Orders;
using Payments.Core.Text;

namespace Payments.Core.HaiPay;

/// <summary>
/// The create step collections, subscriptions and refunds share once the order is written: call HaiPay's apply; a
/// reply that is not usable leaves the order Unknown; a repeat asks HaiPay first and applies again only when HaiPay
/// confirms it has no such order (a refund only when its last apply was refused for our credentials, which proves
/// HaiPay created nothing: HaiPay's refund query may not find refunds by our id, so a refund is otherwise never sent
/// twice); a refusal on such a second apply proves nothing and stays Unknown. A refusal of our signature or credentials
/// is not final either: the keys are read again and the same request resolves it.
/// A repeat first claims the re-apply on the order row (<see cref="PaymentOrder.ClaimReapply"/>,
/// <c>HaiPay:ClaimLease</c>): of concurrent repeats one asks HaiPay and applies, the others make no provider call and
/// answer with the order as it is.
/// </summary>
public sealed partial class HaiPayOrderCreator(
    OrderUpdater updater,
    HaiPayChecker checker,
    IOptionsMonitor<HaiPayOptions> options,
    IOptionsMonitor<CustomerLinkOptions> links,
    ILogger<HaiPayOrderCreator> logger
)
{
    /// <summary>
    /// Runs to the end whatever the merchant does: it takes no caller's token, because a merchant who hangs up after
    /// the order row is written must not leave the provider's answer (and the page the customer pays on) unrecorded.
    /// Each HaiPay call is bounded by <c>HaiPay:Timeout</c>, each storage call by the storage client's own timeout.
    /// The first update starts from the order as admitted, so a new order is not read again.
    /// </summary>
    public async Task<CreateOutcome> CreateAsync(Admission admission, Func<CancellationToken, Task<HaiPayReply>> apply)
    {
        ArgumentNullException.ThrowIfNull(admission);
        ArgumentNullException.ThrowIfNull(apply);
        var uninterrupted = CancellationToken.None;
        return admission.Kind switch
        {
            AdmissionKind.New => await ApplyAsync(admission.Order, admission.Stored, apply, null, uninterrupted),
            AdmissionKind.Conflict => new CreateOutcome(CreateOutcomeKind.Conflict, admission.Order),
            AdmissionKind.Unresolved => await ResolveAsync(admission.Stored, apply, uninterrupted),
            _ => Repeat(admission.Order),
        };
    }

    public static CreateOutcome Repeat(PaymentOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Status switch
        {
            OrderStatus.Created => new CreateOutcome(CreateOutcomeKind.InProgress, order),
            OrderStatus.Unknown => new CreateOutcome(CreateOutcomeKind.Unavailable, order),
            OrderStatus.Rejected => new CreateOutcome(CreateOutcomeKind.Rejected, order),
            _ => new CreateOutcome(CreateOutcomeKind.Repeated, order),
        };
    }

    /// <summary>
    /// A repeat of an order whose apply was never answered: only the holder of the re-apply claim asks HaiPay and, when
    /// HaiPay has no such order, applies again; it releases the claim with the answer it records.
    /// </summary>
    private async Task<CreateOutcome> ResolveAsync(
        Versioned<PaymentOrder> admitted,
        Func<CancellationToken, Task<HaiPayReply>> apply,
        CancellationToken cancellationToken
    )
    {
        var settings = options.CurrentValue;
        var order = admitted.Value;
        var claim = await updater.UpdateAsync(
            admitted,
            (o, now) => o.ClaimReapply(settings.ClaimLease, now),
            cancellationToken
        );
        if (claim is not { Kind: TransitionKind.Changed, Order: { ReapplyClaimedUntil: { } claimedUntil } claimed })
        {
            LogReapplyNotClaimed(logger, order.Id, (claim.Order ?? order).Status);
            return Repeat(claim.Order ?? order);
        }

        var check = await checker.CheckAsync(claimed, scheduled: false, cancellationToken);
        var counted = check.Absent
            ? await updater.UpdateAsync(
                order.Id,
                (o, now) => o.CountReapply(claimedUntil, settings.Timeout, now),
                cancellationToken
            )
            : null;
        if (counted is not { Kind: TransitionKind.Changed, Order: { } counting })
        {
            var released = await updater.UpdateAsync(
                order.Id,
                (o, _) => o.ReleaseReapply(claimedUntil),
                cancellationToken
            );
            return Repeat(released.Order ?? counted?.Order ?? check.Order);
        }

        return await ApplyAsync(counting, stored: null, apply, claimedUntil, cancellationToken);
    }

    /// <summary>
    /// Sends the apply and records its answer; a re-apply (<paramref name="reapplyClaim"/>: the claim it runs under)
    /// releases its claim in the same write. The update starts from <paramref name="stored"/> when the order as stored
    /// is known, and reads it otherwise.
    /// </summary>
    private async Task<CreateOutcome> ApplyAsync(
        PaymentOrder order,
        Versioned<PaymentOrder>? stored,
        Func<CancellationToken, Task<HaiPayReply>> apply,
        DateTimeOffset? reapplyClaim,
        CancellationToken cancellationToken
    )
    {
        var reply = await apply(cancellationToken);
        var (kind, code, verdict) = Verdict(reply, retried: reapplyClaim is not null, links.CurrentValue);
        Func<PaymentOrder, DateTimeOffset, Transition> change = reapplyClaim is { } claimedUntil
            ? (o, at) => verdict(o, at).Then(x => x.ReleaseReapply(claimedUntil))
            : verdict;
        var updated = stored is null
            ? await updater.UpdateAsync(order.Id, change, cancellationToken)
            : await updater.UpdateAsync(stored, change, cancellationToken);
        return new CreateOutcome(kind, updated.Order ?? order, code);
    }

    /// <summary>What an apply's reply makes of the order, and how the request is answered.</summary>
    private static (
        CreateOutcomeKind Kind,
        string? Code,
        Func<PaymentOrder, DateTimeOffset, Transition> Change
    ) Verdict(HaiPayReply reply, bool retried, CustomerLinkOptions rules) =>
        reply switch
        {
            HaiPayReply.Ok ok => (CreateOutcomeKind.Created, null, (o, at) =>
                HaiPayVerdicts.Apply(o, ok.Data, rules, at)
            ),
            HaiPayReply.Refused { Credentials: true } refused => (
                CreateOutcomeKind.Unavailable,
                refused.Error,
                (o, at) =>
                    o.RefuseCredentials(
                        Text(
                            refused,
                            "our signature or credentials were refused; keys are read "
                                + "again, send the same request again"
                        ),
                        at
                    )
            ),
            HaiPayReply.UnsignedApply unsigned => (CreateOutcomeKind.Created, null, (o, at) =>
                HaiPayVerdicts.AcceptUnsigned(o, unsigned.Data, rules, at)
            ),
            HaiPayReply.Refused refused when retried => (CreateOutcomeKind.Unavailable, refused.Error, (o, at) =>
                o.MarkUnknown(Text(refused, "on a repeated apply; the first may exist"), o.NextCheckAt, at)
            ),

            // An error reply is unsigned: it proves nothing about money, so the order stays Unknown and is queried;
            // only a signed answer (or a person) makes it final.
            HaiPayReply.Refused refused => (CreateOutcomeKind.Rejected, refused.Error, (o, at) =>
                o.MarkUnknown(
                    Text(refused, "an unsigned refusal: checked with HaiPay before anything is final"),
                    o.NextCheckAt,
                    at
                )
            ),
            HaiPayReply.Unavailable unavailable => (CreateOutcomeKind.Unavailable, null, (o, at) =>
                o.MarkUnknown(ProviderText.Of(unavailable.Reason), o.NextCheckAt, at)
            ),
            _ => throw new InvalidOperationException($"Unexpected HaiPay reply {reply.GetType().Name}."),
        };

    private static ProviderText Text(HaiPayReply.Refused refused, string note) =>
        ProviderText.Of($"{refused.Error}: {refused.Message} ({note})");

    [LoggerMessage(
        EventId = 6301,
        Level = LogLevel.Information,
        Message = "Order {OrderId} ({Status}) not applied again by this request: the re-apply is held or was answered"
    )]
    private static partial void LogReapplyNotClaimed(ILogger logger, string orderId, OrderStatus status);
}
