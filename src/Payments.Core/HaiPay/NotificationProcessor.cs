using System.Text.Json;
using Microsoft.Extensions.Logging;
using Payments.Core.Audit;
using Payments.Core.Callbacks;
using Payments.Core.Orders;
using Payments.Core.Validation;

namespace Payments.Core.HaiPay;

/// <summary>
/// HaiPay notifications, read as a generic map and verified over every field received. A verified one moves
/// the order by compare-and-swap (duplicates change nothing); one that does not verify is recorded, changes
/// nothing, and makes us ask HaiPay for the order's status instead.
/// </summary>
public sealed partial class NotificationProcessor(
    HaiPayCredentials credentials,
    IOrderRepository orders,
    OrderUpdater updater,
    HaiPayChecker checker,
    IAuditLog audit,
    TimeProvider time,
    ILogger<NotificationProcessor> logger)
{
    /// <summary>Longest payload kept in the audit table (a Table Storage string holds 32K characters).</summary>
    public const int MaxAuditChars = 16_000;

    public async Task<CallbackOutcome> ProcessAsync(JsonElement body, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var orderId = body.ValueKind == JsonValueKind.Object ? HaiPayEnvelope.Scalar(body, "orderId") : null;
        if (string.IsNullOrEmpty(orderId))
        {
            errors.Add(body.ValueKind == JsonValueKind.Object ? "orderId" : "body", body.ValueKind == JsonValueKind.Object ? "is required" : "must be a JSON object");
            return new CallbackOutcome(CallbackOutcomeKind.Malformed, errors);
        }

        if (!await VerifiesAsync(body, cancellationToken))
        {
            await RecordUnverifiedAsync(orderId, body, cancellationToken);
            return CallbackOutcome.Unauthorized;
        }

        var result = await updater.UpdateAsync(
            orderId,
            (order, now) => order is { Provider: PaymentProvider.HaiPay, Kind: OrderKind.Payment }
                ? HaiPayVerdicts.Apply(order, body, now)
                : new Transition(TransitionKind.Conflict, order),
            cancellationToken);
        var kind = AuditKinds.Of(result);
        if (kind is not null)
        {
            await RecordAsync(result.Found ? orderId : null, kind, body, cancellationToken);
        }

        return CallbackOutcome.Acknowledged;
    }

    private async Task<bool> VerifiesAsync(JsonElement body, CancellationToken cancellationToken)
    {
        var currency = HaiPayEnvelope.Scalar(body, "currency")?.ToUpperInvariant();
        currency = currency is not null && credentials.IsConfigured(currency) ? currency : credentials.CurrencyOf(HaiPayEnvelope.Scalar(body, "appId"));
        if (currency is null)
        {
            return false;
        }

        var keys = await credentials.GetAsync(currency, cancellationToken);
        return HaiPaySignature.VerifyObject(body, keys.MerchantSecret, keys.PlatformKey);
    }

    private async Task RecordUnverifiedAsync(string orderId, JsonElement body, CancellationToken cancellationToken)
    {
        var existing = await orders.FindAsync(orderId, cancellationToken);
        var order = existing?.Value is { Provider: PaymentProvider.HaiPay } found ? found : null;
        LogUnverified(logger, orderId, order is not null);
        await RecordAsync(order?.Id, AuditKinds.CallbackUnverified, body, cancellationToken);
        if (order is not null && (order.Status.IsOpen() || order.Status == OrderStatus.NeedsReview))
        {
            await checker.CheckAsync(order, scheduled: false, cancellationToken);
        }
    }

    private Task RecordAsync(string? orderId, string kind, JsonElement body, CancellationToken cancellationToken)
    {
        var payload = body.GetRawText();
        payload = payload.Length > MaxAuditChars ? payload[..MaxAuditChars] : payload;
        return audit.RecordAsync(new AuditRecord(orderId, kind, payload, time.GetUtcNow()), cancellationToken);
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning,
        Message = "HaiPay notification for order {OrderId} failed signature verification (order known: {Known}); recorded, not applied; asking HaiPay instead")]
    private static partial void LogUnverified(ILogger logger, string orderId, bool known);
}
