using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Core.Audit;
using Payments.Core.Callbacks;
using Payments.Core.Orders;
using Payments.Core.Secrets;
using Payments.Core.Validation;

namespace Payments.Core.HuaweiPin;

/// <summary>
/// Verifies a HUAWEIPIN callback (callback key and hash, constant-time), then records its verdict exactly
/// once by compare-and-swap. Repeats and concurrent copies are acknowledged without a second change.
/// A status in neither configured list may mean the money was taken (HUAWEIPIN has no query): the order goes
/// NeedsReview (<see cref="ReviewReasons.UnknownCallbackStatus"/>) and the callback is not acknowledged, so
/// HUAWEIPIN keeps retrying and the retry after the status is configured settles the order.
/// </summary>
public sealed partial class CallbackProcessor(
    OrderUpdater updater,
    IAuditLog audit,
    ISecretStore secrets,
    IOptionsMonitor<HuaweiPinOptions> options,
    TimeProvider time,
    ILogger<CallbackProcessor> logger)
{
    public async Task<CallbackOutcome> ProcessAsync(JsonElement body, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var callback = HuaweiPinCallback.Parse(body, errors);
        if (callback is null)
        {
            return new CallbackOutcome(CallbackOutcomeKind.Malformed, errors);
        }

        var (keyMatches, form) = await VerifyAsync(callback, cancellationToken);
        if ((!keyMatches || form == HashForm.None) && secrets.Invalidate(SecretNames.HuaweiPinCallbackKey))
        {
            (keyMatches, form) = await VerifyAsync(callback, cancellationToken);
        }

        if (!keyMatches || form == HashForm.None)
        {
            LogRejected(logger, callback.MerchantOid, keyMatches ? "hash" : "callback key");
            return CallbackOutcome.Unauthorized with { OrderId = callback.MerchantOid };
        }

        if (form != HashForm.LowerHex)
        {
            LogHashForm(logger, callback.MerchantOid, form);
        }

        if (callback.ParsedAmount is not { } amount)
        {
            errors.Add("amount", "must be a decimal number in major units");
            return new CallbackOutcome(CallbackOutcomeKind.Malformed, errors) { OrderId = callback.MerchantOid };
        }

        var outcome = MapStatus(callback.Status);
        var verdict = outcome is { } known
            ? new ProviderVerdict(known, callback.Status, amount)
            : new ProviderVerdict(OrderStatus.Pending, callback.Status, amount, ReviewReasons.UnknownCallbackStatus);
        var result = await updater.UpdateAsync(
            callback.MerchantOid,
            (order, now) => order.Provider == PaymentProvider.HuaweiPin ? order.Apply(verdict, now) : new Transition(TransitionKind.Conflict, order),
            cancellationToken);

        var kind = AuditKinds.Of(result);
        if (kind is not null)
        {
            if (!result.Found)
            {
                LogUnmatched(logger, callback.MerchantOid, callback.Status);
            }

            await audit.RecordAsync(new AuditRecord(result.Found ? callback.MerchantOid : null, kind, callback.ToAuditJson(), time.GetUtcNow()), cancellationToken);
        }

        if (outcome is null && result.Order is { Status: OrderStatus.NeedsReview, ReviewReason: ReviewReasons.UnknownCallbackStatus })
        {
            LogUnknownStatus(logger, callback.MerchantOid, callback.Status);
            return CallbackOutcome.RetryLater with { OrderId = callback.MerchantOid, Update = result };
        }

        return CallbackOutcome.Acknowledged with { OrderId = callback.MerchantOid, Update = result };
    }

    /// <summary>Succeeded or Failed by the configured lists; null for a status in neither (it may mean paid: there is no query to ask).</summary>
    private OrderStatus? MapStatus(string status)
    {
        var settings = options.CurrentValue;
        if (settings.EffectiveSuccessStatuses.Contains(status, StringComparer.OrdinalIgnoreCase))
        {
            return OrderStatus.Succeeded;
        }

        return settings.EffectiveFailureStatuses.Contains(status, StringComparer.OrdinalIgnoreCase) ? OrderStatus.Failed : null;
    }

    /// <summary>The callback key (constant-time) and the hash against the current key; a failure may mean the key was rotated.</summary>
    private async Task<(bool KeyMatches, HashForm Form)> VerifyAsync(HuaweiPinCallback callback, CancellationToken cancellationToken)
    {
        var key = await secrets.GetAsync(SecretNames.HuaweiPinCallbackKey, cancellationToken);
        return (ConstantTime.SecretEquals(key, callback.CallbackKey), HuaweiPinHash.Verify(callback.MerchantOid, callback.Amount, key, callback.Hash));
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "HUAWEIPIN callback for order {OrderId} rejected: wrong {What}")]
    private static partial void LogRejected(ILogger logger, string orderId, string what);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "HUAWEIPIN callback for order {OrderId} matched the hash as {Form}")]
    private static partial void LogHashForm(ILogger logger, string orderId, HashForm form);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Error,
        Message = "HUAWEIPIN callback for order {OrderId} has status {Status}, in neither HuaweiPin:SuccessStatuses nor FailureStatuses: order needs review; answered 503 so HUAWEIPIN retries")]
    private static partial void LogUnknownStatus(ILogger logger, string orderId, string status);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "HUAWEIPIN callback for unknown order {OrderId} (status {Status}) recorded for an operator")]
    private static partial void LogUnmatched(ILogger logger, string orderId, string status);
}
