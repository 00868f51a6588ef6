using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Core.Audit;
using Payments.Core.Callbacks;
using Payments.Core.Orders;
using Payments.Core.Secrets;
using Payments.Core.Telemetry;
using Payments.Core.Text;
using Payments.Core.Validation;

namespace Payments.Core.HuaweiPin;

/// <summary>
/// One HUAWEIPIN callback through the inbound pipeline: authenticate (callback key and hash, constant-time, against the
/// current key and, while set, the previous one) → record → classify (amount in the configured unit, status by the
/// configured lists) → apply by compare-and-swap. Only a failed authentication is a 401, and it leaves a bounded
/// summary, never the body. A verified callback is always applied or handed to a person: one whose amount cannot be
/// read, or whose status is in neither list, puts the order in NeedsReview (its webhook follows) and is answered 503,
/// so HUAWEIPIN (which has no query) keeps retrying until the setting is fixed or an operator decides. Repeats change
/// nothing and are acknowledged.
/// </summary>
public sealed partial class HuaweiPinCallbackHandler(
    OrderUpdater updater,
    IAuditLog audit,
    ISecretStore secrets,
    IOptionsMonitor<HuaweiPinOptions> options,
    TimeProvider time,
    ILogger<HuaweiPinCallbackHandler> logger
) : IInboundMessageHandler
{
    public string Provider => ProviderNames.HuaweiPin;

    public string Kind => "callback";

    public string Acknowledgement => "OK";

    public async Task<CallbackOutcome> HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var errors = new FieldErrors();
        var callback = HuaweiPinCallback.Parse(message.Body, errors);
        if (callback is null)
        {
            return new CallbackOutcome(CallbackOutcomeKind.Malformed, errors);
        }

        if (await AuthenticateAsync(callback, cancellationToken) is { } failed)
        {
            LogRejected(logger, ProviderText.Of(callback.MerchantOid), failed);
            var summary = new AuditRecord(
                null,
                AuditKinds.CallbackUnverified,
                callback.ToUnverifiedJson(failed),
                time.GetUtcNow()
            );
            await audit.RecordUnverifiedAsync(summary, cancellationToken);
            return CallbackOutcome.Unauthorized with { OrderId = callback.MerchantOid };
        }

        var unit = options.CurrentValue.AmountUnit;
        var verdict = Classify(callback, unit);
        var result = await updater.UpdateAsync(
            callback.MerchantOid,
            (order, now) =>
                order.Provider == PaymentProvider.HuaweiPin
                    ? order.Apply(verdict, now)
                    : new Transition(TransitionKind.Conflict, order),
            cancellationToken
        );

        if (AuditKinds.Of(result) is { } kind)
        {
            if (!result.Found)
            {
                LogUnmatched(logger, ProviderText.Of(callback.MerchantOid), verdict.RawStatus);
            }

            var payload = callback.ToAuditJson(unit, ours: result.Found);
            var record = new AuditRecord(result.Found ? callback.MerchantOid : null, kind, payload, time.GetUtcNow())
            {
                OnceKey = kind == AuditKinds.CallbackApplied ? null : AuditRecord.OnceKeyOf(payload),
            };
            await audit.RecordAsync(record, cancellationToken);
        }

        if (
            verdict.ReviewReason is ReviewReason.UnknownCallbackStatus or ReviewReason.UnreadableCallback
            && result.Order is { Status: OrderStatus.NeedsReview } waiting
            && waiting.ReviewReason == verdict.ReviewReason
        )
        {
            LogNeedsPerson(
                logger,
                ProviderText.Of(callback.MerchantOid),
                verdict.ReviewReason!.Value.Name(),
                verdict.Note ?? verdict.RawStatus
            );
            return CallbackOutcome.RetryLater with { OrderId = callback.MerchantOid, Update = result };
        }

        return CallbackOutcome.Acknowledged with
        {
            OrderId = callback.MerchantOid,
            Update = result,
        };
    }

    /// <summary>
    /// What the verified callback says. A failure needs no amount; a success (or a status in neither list, which may
    /// mean paid) with an amount that cannot be read is for a person.
    /// </summary>
    private ProviderVerdict Classify(HuaweiPinCallback callback, string? unit)
    {
        var status = ProviderText.Of(callback.Status);
        var amount = HuaweiPinAmount.Read(callback.Amount, unit);
        var outcome = MapStatus(callback.Status);
        if (outcome == OrderStatus.Failed)
        {
            return new ProviderVerdict(OrderStatus.Failed, status, amount);
        }

        if (amount is null)
        {
            var note = ProviderText.Of(
                $"amount '{Shown(callback.Amount)}' cannot be read in {unit} units (HuaweiPin:AmountUnit)"
            );
            return new ProviderVerdict(OrderStatus.Pending, status, null, ReviewReason.UnreadableCallback, Note: note);
        }

        return outcome is { } known
            ? new ProviderVerdict(known, status, amount)
            : new ProviderVerdict(OrderStatus.Pending, status, amount, ReviewReason.UnknownCallbackStatus);
    }

    private static string Shown(string text) => text.Length > 40 ? text[..40] : text;

    /// <summary>Succeeded or Failed by the configured lists; null for a status in neither (it may mean paid).</summary>
    private OrderStatus? MapStatus(string status)
    {
        var settings = options.CurrentValue;
        if (settings.EffectiveSuccessStatuses.Contains(status, StringComparer.OrdinalIgnoreCase))
        {
            return OrderStatus.Succeeded;
        }

        return settings.EffectiveFailureStatuses.Contains(status, StringComparer.OrdinalIgnoreCase)
            ? OrderStatus.Failed
            : null;
    }

    /// <summary>
    /// Null when the callback carries a configured key (current, else previous while one is set) and its hash over that
    /// key; otherwise which check failed. A failure against the current key may mean it was rotated: it is read again
    /// once.
    /// </summary>
    private async Task<string?> AuthenticateAsync(HuaweiPinCallback callback, CancellationToken cancellationToken)
    {
        var failed = await CheckAsync(callback, SecretNames.HuaweiPinCallbackKey, cancellationToken);
        if (failed is not null && secrets.Invalidate(SecretNames.HuaweiPinCallbackKey))
        {
            failed = await CheckAsync(callback, SecretNames.HuaweiPinCallbackKey, cancellationToken);
        }

        if (failed is null)
        {
            return null;
        }

        return await CheckAsync(callback, SecretNames.HuaweiPinPreviousCallbackKey, cancellationToken) is null
            ? null
            : failed;
    }

    /// <summary>
    /// Null when the key named <paramref name="name"/> is set and both the key and the hash match it.
    /// </summary>
    private async Task<string?> CheckAsync(HuaweiPinCallback callback, string name, CancellationToken cancellationToken)
    {
        string key;
        try
        {
            key = await secrets.GetAsync(name, cancellationToken);
        }
        catch (SecretNotFoundException) when (name == SecretNames.HuaweiPinPreviousCallbackKey)
        {
            return "callback key";
        }

        if (callback.CallbackKey.Length == 0 || !ConstantTime.SecretEquals(key, callback.CallbackKey))
        {
            return "callback key";
        }

        var form = HuaweiPinHash.Verify(callback.MerchantOid, callback.Amount, key, callback.Hash);
        if (form == HashForm.None)
        {
            return "hash";
        }

        if (form != HashForm.LowerHex)
        {
            var orderId = ProviderText.Of(callback.MerchantOid);
            LogHashForm(logger, orderId, form);
        }

        return null;
    }

    [LoggerMessage(
        EventId = 5101,
        Level = LogLevel.Warning,
        Message = "HUAWEIPIN callback for order {OrderId} rejected: wrong {What}; its summary is recorded"
    )]
    private static partial void LogRejected(ILogger logger, ProviderText orderId, string what);

    [LoggerMessage(
        EventId = 5102,
        Level = LogLevel.Information,
        Message = "HUAWEIPIN callback for order {OrderId} matched the hash as {Form}"
    )]
    private static partial void LogHashForm(ILogger logger, ProviderText orderId, HashForm form);

    [LoggerMessage(
        EventId = 5103,
        Level = LogLevel.Warning,
        Message = "HUAWEIPIN callback for unknown order {OrderId} (status {Status}) recorded for an operator"
    )]
    private static partial void LogUnmatched(ILogger logger, ProviderText orderId, ProviderText status);

    [LoggerMessage(
        EventId = 5104,
        Level = LogLevel.Error,
        Message = "HUAWEIPIN callback for order {OrderId} cannot be applied ({Reason}: {Detail}): order needs review; "
            + "answered 503 so HUAWEIPIN retries"
    )]
    private static partial void LogNeedsPerson(
        ILogger logger,
        ProviderText orderId,
        string reason,
        ProviderText detail
    );
}
