using Microsoft.Extensions.Options;
using Payments.Core.Orders;

namespace Payments.Core.HuaweiPin;

/// <summary>
/// Creates HUAWEIPIN frames: the order is written before GetFrame is called; a repeat of the same request
/// returns the stored frame, retries only when the earlier call's outcome is Unknown, and never reports a
/// frame as created unless the provider said so.
/// </summary>
public sealed class FrameService(
    IOrderRepository orders,
    OrderUpdater updater,
    HuaweiPinClient client,
    IOptionsMonitor<HuaweiPinOptions> options,
    TimeProvider time)
{
    /// <summary>A Created order younger than this is another request's call in flight.</summary>
    public static readonly TimeSpan InFlightWindow = TimeSpan.FromSeconds(60);

    /// <summary>HUAWEIPIN's code for "merchant_oid is empty or not unique".</summary>
    public const int DuplicateOrderCode = 304;

    public async Task<FrameOutcome> CreateAsync(CreateFrameCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = time.GetUtcNow();
        var settings = options.CurrentValue;
        var candidate = PaymentOrder.Create(
            new NewOrder(command.OrderId, PaymentProvider.HuaweiPin, command.Fingerprint, now + settings.FrameLifetime,
                Currency: settings.Currency, CustomerReference: command.Username, CustomerIp: command.CustomerIp),
            now);
        var added = await orders.AddAsync(candidate, cancellationToken);
        var order = added.Order.Value;
        if (!added.Added)
        {
            if (order.Provider != PaymentProvider.HuaweiPin || order.RequestFingerprint != command.Fingerprint)
            {
                return new FrameOutcome(FrameOutcomeKind.Conflict, order);
            }

            var retry = order.Status == OrderStatus.Unknown
                || (order.Status == OrderStatus.Created && now - order.UpdatedAt >= InFlightWindow);
            if (!retry)
            {
                return Repeat(order);
            }

            var counted = await updater.UpdateAsync(order.Id, (o, at) => o.RetryProviderCall(at), cancellationToken);
            order = counted.Order ?? order;
        }

        return await CallProviderAsync(command, order, retried: !added.Added, cancellationToken);
    }

    private static FrameOutcome Repeat(PaymentOrder order) => order.Status switch
    {
        OrderStatus.Created => new FrameOutcome(FrameOutcomeKind.InProgress, order),
        OrderStatus.Rejected => new FrameOutcome(FrameOutcomeKind.Rejected, order),
        _ => new FrameOutcome(FrameOutcomeKind.Repeated, order),
    };

    private async Task<FrameOutcome> CallProviderAsync(CreateFrameCommand command, PaymentOrder order, bool retried, CancellationToken cancellationToken)
    {
        var result = await client.GetFrameAsync(new FrameRequest(command.OrderId, command.Username, command.CustomerIp), cancellationToken);
        var (kind, code, change) = result switch
        {
            FrameResult.Created created => (FrameOutcomeKind.Created, (int?)null,
                (Func<PaymentOrder, DateTimeOffset, Transition>)((o, at) => o.Accept(created.Token, created.IframeUrl, o.NextCheckAt, at))),
            FrameResult.Rejected { Code: DuplicateOrderCode } rejected when retried => (FrameOutcomeKind.Unavailable, rejected.Code,
                (o, at) => o.MarkUnknown($"{rejected.Code}: order id already used at HUAWEIPIN; the earlier frame may exist", o.NextCheckAt, at)),
            FrameResult.Rejected rejected => (FrameOutcomeKind.Rejected, rejected.Code,
                (o, at) => o.Reject($"{rejected.Code}: {rejected.Message}", at)),
            FrameResult.Unavailable unavailable => (FrameOutcomeKind.Unavailable, null,
                (o, at) => o.MarkUnknown(unavailable.Reason, o.NextCheckAt, at)),
            _ => throw new InvalidOperationException($"Unexpected GetFrame result {result.GetType().Name}."),
        };

        var updated = await updater.UpdateAsync(order.Id, change, cancellationToken);
        var stored = updated.Order ?? order;
        if (kind == FrameOutcomeKind.Created && stored.Status != OrderStatus.Pending)
        {
            return Repeat(stored);
        }

        return new FrameOutcome(kind, stored, code);
    }
}
