using System.Text.Json;
using Payments.Core.Validation;

namespace Payments.Core.HaiPay;

/// <summary>
/// A refund request (<see cref="RefundRequest"/>): an optional refund id, checked like every merchant id.
/// </summary>
public static class RefundValidator
{
    /// <summary>A request sent without a body asks for the default refund id.</summary>
    public static RefundCollectionCommand Default(string collectionId) => new(collectionId, null);

    public static RefundCollectionCommand? Validate(string collectionId, JsonElement body, FieldErrors errors)
    {
        var request = JsonRequest.Read<RefundRequest>(body, errors);
        return request is null ? null : Validate(collectionId, request, errors);
    }

    public static RefundCollectionCommand? Validate(string collectionId, RefundRequest request, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        errors.Check("refundId", request.RefundId is { } id ? FieldRules.MerchantId(id) : null);
        return errors.IsEmpty ? new RefundCollectionCommand(collectionId, request.RefundId) : null;
    }
}
