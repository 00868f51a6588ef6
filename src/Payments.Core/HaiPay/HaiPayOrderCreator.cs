using Payments.Core.Orders;
using Payments.Core.Text;

namespace Payments.Core.HaiPay;

/// <summary>
/// The create step collections, subscriptions and refunds share once the order is written: call HaiPay's apply; a reply
/// that is not usable leaves the order Unknown; a repeat asks HaiPay first and applies again only when
/// HaiPay confirms it has no such order (a refund only when its last apply was refused for our credentials, which proves
/// HaiPay created nothing: HaiPay's refund query may not find refunds by our id, so a refund is otherwise never sent twice);
/// a refusal on such a second apply proves nothing and stays Unknown. A refusal of our signature or credentials is not
/// final either: the keys are read again and the same request resolves it.
/// </summary>
public sealed class HaiPayOrderCreator(OrderUpdater updater, HaiPayChecker checker)
{
    /// <summary>
    /// Runs to the end whatever the merchant does: it takes no caller's token, because a merchant who hangs up after the
    /// order row is written must not leave the provider's answer (and the page the customer pays on) unrecorded. Each
    /// HaiPay call is bounded by <c>HaiPay:Timeout</c>, each storage call by the storage client's own timeout.
    /// </summary>
    public async Task<CreateOutcome> CreateAsync(Admission admission, Func<CancellationToken, Task<HaiPayReply>> apply)
    {
        ArgumentNullException.ThrowIfNull(admission);
        ArgumentNullException.ThrowIfNull(apply);
        var uninterrupted = CancellationToken.None;
        return admission.Kind switch
        {
            AdmissionKind.New => await ApplyAsync(admission.Order, apply, retried: false, uninterrupted),
            AdmissionKind.Conflict => new CreateOutcome(CreateOutcomeKind.Conflict, admission.Order),
            AdmissionKind.Unresolved => await ResolveAsync(admission.Order, apply, uninterrupted),
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

    private async Task<CreateOutcome> ResolveAsync(PaymentOrder order, Func<CancellationToken, Task<HaiPayReply>> apply, CancellationToken cancellationToken)
    {
        var check = await checker.CheckAsync(order, scheduled: false, cancellationToken);
        if (!check.Absent)
        {
            return Repeat(check.Order);
        }

        UpdateResult counted;
        if (order.Kind == OrderKind.Refund)
        {
            counted = await updater.UpdateAsync(order.Id, (o, at) => o.RetryAfterCredentialsRefused(at), cancellationToken);
            if (counted.Kind != TransitionKind.Changed)
            {
                return Repeat(counted.Order ?? check.Order);
            }
        }
        else
        {
            counted = await updater.UpdateAsync(order.Id, (o, at) => o.RetryProviderCall(at), cancellationToken);
        }

        return await ApplyAsync(counted.Order ?? order, apply, retried: true, cancellationToken);
    }

    private async Task<CreateOutcome> ApplyAsync(PaymentOrder order, Func<CancellationToken, Task<HaiPayReply>> apply, bool retried, CancellationToken cancellationToken)
    {
        var reply = await apply(cancellationToken);
        var (kind, code, change) = reply switch
        {
            HaiPayReply.Ok ok => (CreateOutcomeKind.Created, (string?)null,
                (Func<PaymentOrder, DateTimeOffset, Transition>)((o, at) => HaiPayVerdicts.Apply(o, ok.Data, at))),
            HaiPayReply.Refused { Credentials: true } refused => (CreateOutcomeKind.Unavailable, refused.Error,
                (o, at) => o.RefuseCredentials(ProviderText.Of($"{refused.Error}: {refused.Message} (our signature or credentials were refused; keys are read again, send the same request again)"), at)),
            HaiPayReply.UnsignedApply unsigned => (CreateOutcomeKind.Created, null, (o, at) => HaiPayVerdicts.AcceptUnsigned(o, unsigned.Data, at)),
            HaiPayReply.Refused refused when retried => (CreateOutcomeKind.Unavailable, refused.Error,
                (o, at) => o.MarkUnknown(ProviderText.Of($"{refused.Error}: {refused.Message} (on a repeated apply; the first may exist)"), o.NextCheckAt, at)),
            // An error reply is unsigned: it proves nothing about money, so the order stays Unknown and is queried;
            // only a signed answer (or a person) makes it final.
            HaiPayReply.Refused refused => (CreateOutcomeKind.Rejected, refused.Error,
                (o, at) => o.MarkUnknown(ProviderText.Of($"{refused.Error}: {refused.Message} (an unsigned refusal: checked with HaiPay before anything is final)"), o.NextCheckAt, at)),
            HaiPayReply.Unavailable unavailable => (CreateOutcomeKind.Unavailable, null, (o, at) => o.MarkUnknown(ProviderText.Of(unavailable.Reason), o.NextCheckAt, at)),
            _ => throw new InvalidOperationException($"Unexpected HaiPay reply {reply.GetType().Name}."),
        };

        var updated = await updater.UpdateAsync(order.Id, change, cancellationToken);
        return new CreateOutcome(kind, updated.Order ?? order, code);
    }
}
