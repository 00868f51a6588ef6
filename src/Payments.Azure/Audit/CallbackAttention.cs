using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Payments.Azure.Orders;
using Payments.Core.Audit;
using Payments.Core.Orders;

namespace Payments.Azure.Audit;

/// <summary>
/// The attention row of a provider message operators must see: a signed one about an order we do not know, or the summary
/// of one that did not verify. It carries what the listing shows (read from the payload the audit row keeps: a HUAWEIPIN
/// callback names <c>merchant_oid</c>, a HaiPay notification <c>orderId</c>; an unverified HUAWEIPIN callback's summary names its provider).
/// </summary>
internal static class CallbackAttention
{
    public static TableEntity? For(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Kind switch
        {
            AuditKinds.CallbackUnmatched when record.OrderId is null => Unmatched(record),
            AuditKinds.CallbackUnverified => Unverified(record),
            _ => null,
        };
    }

    private static TableEntity Unmatched(AuditRecord record)
    {
        using var payload = Parse(record.Payload);
        var fields = payload?.RootElement;
        var huaweiPin = fields is { } f && f.TryGetProperty("merchant_oid", out _);
        return new TableEntity(AttentionIndex.UnmatchedPartition, AttentionIndex.MessageRowKey(record.At))
        {
            ["Provider"] = (huaweiPin ? PaymentProvider.HuaweiPin : PaymentProvider.HaiPay).ToString(),
            ["OrderId"] = Field(fields, huaweiPin ? "merchant_oid" : "orderId") ?? Field(fields, "subscriptionOrderId"),
            ["Status"] = Field(fields, "status"),
            ["Amount"] = Field(fields, "amount"),
            ["Currency"] = Field(fields, "currency"),
            ["Detail"] = "signed, but no order has this id",
        };
    }

    private static TableEntity Unverified(AuditRecord record)
    {
        using var payload = Parse(record.Payload);
        var fields = payload?.RootElement;
        if (Field(fields, "provider") == nameof(PaymentProvider.HuaweiPin))
        {
            return new TableEntity(AttentionIndex.UnverifiedPartition, AttentionIndex.MessageRowKey(record.At))
            {
                ["Provider"] = PaymentProvider.HuaweiPin.ToString(),
                ["OrderId"] = Field(fields, "orderId"),
                ["Status"] = Field(fields, "status"),
                ["Amount"] = Field(fields, "amount"),
                ["Detail"] = $"failed check: {Field(fields, "failed")}",
            };
        }

        return new TableEntity(AttentionIndex.UnverifiedPartition, AttentionIndex.MessageRowKey(record.At))
        {
            ["Provider"] = PaymentProvider.HaiPay.ToString(),
            ["OrderId"] = record.OrderId,
            ["Detail"] = string.Create(
                CultureInfo.InvariantCulture,
                $"failed check: {Field(fields, "failed")}; {Field(fields, "bytes")} bytes from {Field(fields, "source") ?? "unknown"}; sha256 {Field(fields, "sha256")}"),
        };
    }

    private static JsonDocument? Parse(string payload)
    {
        try
        {
            var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
        }
        catch (JsonException)
        {
            // A payload cut at the audit length limit: the row says what it can.
        }

        return null;
    }

    private static string? Field(JsonElement? fields, string name) =>
        fields is { } f && f.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => Truncate(value.GetString()),
            JsonValueKind.Number => Truncate(value.GetRawText()),
            _ => null,
        } : null;

    private static string? Truncate(string? text) => text is { Length: > 200 } ? text[..200] : text;
}
