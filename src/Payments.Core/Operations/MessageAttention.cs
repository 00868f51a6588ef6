using System.Globalization;
using System.Text.Json;
using Payments.Core.Audit;
using Payments.Core.Orders;
using Payments.Core.Text;

namespace Payments.Core.Operations;

/// <summary>
/// What operators are shown of a provider message they must see: a signed one about an order we do not know, or the
/// summary of one that did not verify. Read from the payload its audit record keeps (a HUAWEIPIN callback names
/// <c>merchant_oid</c>, a HaiPay notification <c>orderId</c>; an unverified HUAWEIPIN callback's summary names its
/// provider); every field at most 200 characters.
/// </summary>
public static class MessageAttention
{
    private const int MaxField = 200;

    /// <summary>The item <paramref name="record"/> is listed as; null for a record operators need not see.</summary>
    public static AttentionItem? For(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Kind switch
        {
            AuditKinds.CallbackUnmatched when record.OrderId is null => Unmatched(record),
            AuditKinds.CallbackUnverified => Unverified(record),
            _ => null,
        };
    }

    private static AttentionItem Unmatched(AuditRecord record)
    {
        using var payload = Parse(record.Payload);
        var fields = payload?.RootElement;
        var huaweiPin = fields is { } f && f.TryGetProperty("merchant_oid", out _);
        return Item(
            AttentionCategory.UnmatchedCallbacks,
            record,
            huaweiPin ? PaymentProvider.HuaweiPin : PaymentProvider.HaiPay,
            Field(fields, huaweiPin ? "merchant_oid" : "orderId") ?? Field(fields, "subscriptionOrderId"),
            fields,
            Field(fields, "currency"),
            "signed, but no order has this id"
        );
    }

    private static AttentionItem Unverified(AuditRecord record)
    {
        using var payload = Parse(record.Payload);
        var fields = payload?.RootElement;
        if (Field(fields, "provider") == nameof(PaymentProvider.HuaweiPin))
        {
            return Item(
                AttentionCategory.UnverifiedCallbacks,
                record,
                PaymentProvider.HuaweiPin,
                Field(fields, "orderId"),
                fields,
                null,
                $"failed check: {Field(fields, "failed")}"
            );
        }

        var detail = string.Create(
            CultureInfo.InvariantCulture,
            $"failed check: {Field(fields, "failed")}; {Field(fields, "bytes")} bytes from "
                + $"{Field(fields, "source") ?? "unknown"}; sha256 {Field(fields, "sha256")}"
        );
        return new AttentionItem(
            AttentionCategory.UnverifiedCallbacks,
            record.OrderId,
            PaymentProvider.HaiPay,
            null,
            null,
            Arrived(record),
            null,
            null,
            ProviderText.From(detail)
        );
    }

    private static AttentionItem Item(
        AttentionCategory category,
        AuditRecord record,
        PaymentProvider provider,
        string? orderId,
        JsonElement? fields,
        string? currency,
        string detail
    ) =>
        new(
            category,
            orderId,
            provider,
            Field(fields, "status"),
            null,
            Arrived(record),
            decimal.TryParse(Field(fields, "amount"), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
                ? amount
                : null,
            currency,
            ProviderText.From(detail)
        );

    /// <summary>When the message arrived, in UTC.</summary>
    private static DateTimeOffset Arrived(AuditRecord record) => new(record.At.UtcTicks, TimeSpan.Zero);

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
            // A payload cut at the audit length limit: the item says what it can.
        }

        return null;
    }

    private static string? Field(JsonElement? fields, string name) =>
        fields is { } f && f.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => Truncate(value.GetString()),
                JsonValueKind.Number => Truncate(value.GetRawText()),
                _ => null,
            }
            : null;

    private static string? Truncate(string? text) => text is { Length: > MaxField } ? text[..MaxField] : text;
}
