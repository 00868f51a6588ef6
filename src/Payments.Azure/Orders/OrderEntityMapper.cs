using Azure.Data.Tables;
using Payments.Azure.Tables;
using Payments.Core.Orders;
using Payments.Core.Text;

namespace Payments.Azure.Orders;

/// <summary>Maps orders to their table row. Money is written as invariant decimal text, never as a double.</summary>
internal static class OrderEntityMapper
{
    public const string OrderRowKey = "order";

    public static string PartitionKey(string orderId) => TableKeys.Encode(orderId);

    /// <summary>In the parent's partition, one row per child order (a refund, a subscription charge).</summary>
    public static TableEntity ChildEntry(string parentId, string childId) =>
        new(PartitionKey(parentId), ChildPrefix + TableKeys.Encode(childId));

    public const string ChildPrefix = "child-";

    public static TableEntity ToEntity(PaymentOrder order) =>
        new(PartitionKey(order.Id), OrderRowKey)
        {
            ["OrderId"] = order.Id,
            ["Provider"] = order.Provider.ToString(),
            ["Kind"] = order.Kind.ToString(),
            ["Status"] = order.Status.ToString(),
            ["RequestFingerprint"] = order.RequestFingerprint,
            ["CreatedAt"] = order.CreatedAt,
            ["UpdatedAt"] = order.UpdatedAt,
            ["ProviderStatus"] = order.ProviderStatus?.Value,
            ["ProviderReference"] = order.ProviderReference,
            ["ProviderOrderId"] = order.ProviderOrderId,
            ["UnverifiedQueryAt"] = order.UnverifiedQueryAt,
            ["ReapplyClaimedUntil"] = order.ReapplyClaimedUntil,
            ["CredentialsRefused"] = order.CredentialsRefused,
            ["RedirectUrl"] = order.RedirectUrl?.Value,
            ["Amount"] = EntityValues.MoneyText(order.Amount),
            ["Currency"] = order.Currency,
            ["CustomerReference"] = order.CustomerReference,
            ["CustomerIp"] = order.CustomerIp,
            ["CardLast4"] = order.CardLast4,
            ["ParentOrderId"] = order.ParentOrderId,
            ["RefundOrderId"] = order.RefundOrderId,
            ["ReceivedAmount"] = EntityValues.MoneyText(order.ReceivedAmount),
            ["Fee"] = EntityValues.MoneyText(order.Fee),
            ["ResolvedAt"] = order.ResolvedAt,
            ["LedgerMarks"] = order.LedgerMarks,
            ["LedgerCount"] = order.LedgerCount,
            ["RecurringInterval"] = order.Recurrence?.UnitCode,
            ["RecurringIntervalCount"] = order.Recurrence?.Count,
            ["RetryTimes"] = order.Recurrence?.RetryTimes,
            ["ProviderCalls"] = order.ProviderCalls,
            ["Checks"] = order.Checks,
            ["NextCheckAt"] = order.NextCheckAt,
            ["LastError"] = order.LastError?.Value,
            ["ReviewReason"] = order.ReviewReason?.Name(),
            ["CompletedAt"] = order.CompletedAt,
            ["ReviewAcknowledgedAt"] = order.ReviewAcknowledgedAt,
            ["ReviewAcknowledgedBy"] = order.ReviewAcknowledgedBy,
            ["EventSequence"] = order.EventSequence,
            ["EventId"] = order.LastEvent?.Id,
            ["EventType"] = order.LastEvent?.Type,
            ["EventStatus"] = order.LastEvent?.Status.ToString(),
            ["EventAt"] = order.LastEvent?.OccurredAt,
            ["EventTraceParent"] = order.LastEvent?.TraceParent,
        };

    public static PaymentOrder FromEntity(TableEntity entity) =>
        new()
        {
            Id = entity.GetString("OrderId")!,
            Provider = Enum.Parse<PaymentProvider>(entity.GetString("Provider")!),
            Kind = entity.GetString("Kind") is { } kind ? Enum.Parse<OrderKind>(kind) : OrderKind.Payment,
            Status = Enum.Parse<OrderStatus>(entity.GetString("Status")!),
            RequestFingerprint = entity.GetString("RequestFingerprint")!,
            CreatedAt = entity.GetDateTimeOffset("CreatedAt")!.Value,
            UpdatedAt = entity.GetDateTimeOffset("UpdatedAt")!.Value,
            ProviderStatus = ProviderText.From(entity.GetString("ProviderStatus")),
            ProviderReference = entity.GetString("ProviderReference"),
            ProviderOrderId = entity.GetString("ProviderOrderId"),
            UnverifiedQueryAt = entity.GetDateTime("UnverifiedQueryAt"),
            ReapplyClaimedUntil = entity.GetDateTimeOffset("ReapplyClaimedUntil"),
            CredentialsRefused = entity.GetBoolean("CredentialsRefused") ?? false,
            RedirectUrl = CustomerLink.Restore(entity.GetString("RedirectUrl")),
            Amount = entity.GetMoney("Amount"),
            ReceivedAmount = entity.GetMoney("ReceivedAmount"),
            Fee = entity.GetMoney("Fee"),
            ResolvedAt = entity.GetDateTimeOffset("ResolvedAt"),
            LedgerMarks = entity.GetString("LedgerMarks"),
            LedgerCount = entity.GetNumber("LedgerCount") ?? 0,
            ParentOrderId = entity.GetString("ParentOrderId"),
            RefundOrderId = entity.GetString("RefundOrderId"),
            Currency = entity.GetString("Currency"),
            CustomerReference = entity.GetString("CustomerReference"),
            CustomerIp = entity.GetString("CustomerIp"),
            CardLast4 = entity.GetString("CardLast4"),
            Recurrence = Recurrence.UnitOf(entity.GetString("RecurringInterval")) is { } unit
                ? new Recurrence(
                    unit,
                    (int)(entity.GetNumber("RecurringIntervalCount") ?? 1),
                    (int)(entity.GetNumber("RetryTimes") ?? 0)
                )
                : null,
            ProviderCalls = (int)(entity.GetNumber("ProviderCalls") ?? 0),
            Checks = (int)(entity.GetNumber("Checks") ?? 0),
            NextCheckAt = entity.GetDateTimeOffset("NextCheckAt"),
            LastError = ProviderText.From(entity.GetString("LastError")),
            ReviewReason = ReviewReasonOf(entity.GetString("ReviewReason")),
            CompletedAt = entity.GetDateTimeOffset("CompletedAt"),
            ReviewAcknowledgedAt = entity.GetDateTimeOffset("ReviewAcknowledgedAt"),
            ReviewAcknowledgedBy = entity.GetString("ReviewAcknowledgedBy"),
            // A row written before events were numbered has no EventSequence: 0, and its event keeps the id stored
            // with it, so a delivery in flight across the upgrade goes on under that id; the next event is number 1.
            EventSequence = entity.GetNumber("EventSequence") ?? 0,
            LastEvent = entity.GetString("EventId") is { } eventId
                ? new OrderEvent(
                    eventId,
                    entity.GetString("EventType")!,
                    Enum.Parse<OrderStatus>(entity.GetString("EventStatus")!),
                    entity.GetDateTimeOffset("EventAt")!.Value
                )
                {
                    TraceParent = entity.GetString("EventTraceParent"),
                }
                : null,
        };

    /// <summary>
    /// A stored reason is one of the documented names; any other text is a row this code did not write.
    /// </summary>
    private static ReviewReason? ReviewReasonOf(string? name) =>
        name is null
            ? null
            : ReviewReasons.Parse(name)
                ?? throw new InvalidDataException($"Unknown review reason '{name}' in an order row.");
}
