using System.Text.Json;
using Payments.Core.Validation;

namespace Payments.Core.HuaweiPin;

/// <summary>
/// A frame request (<see cref="CreateFrameRequest"/>), checked against the limits that record declares.
/// </summary>
public static class FrameValidator
{
    /// <summary>
    /// <paramref name="keyedOrderId"/> is the order id derived from the request's <c>Idempotency-Key</c>, used when the
    /// body has no <c>orderId</c>; without either the request is refused.
    /// </summary>
    public static CreateFrameCommand? Validate(JsonElement body, string? keyedOrderId, FieldErrors errors)
    {
        var request = JsonRequest.Read<CreateFrameRequest>(body, errors);
        return request is null ? null : Validate(request, keyedOrderId, errors);
    }

    public static CreateFrameCommand? Validate(CreateFrameRequest request, string? keyedOrderId, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        var orderId = request.OrderId ?? keyedOrderId;
        string? username = request.Username,
            customerIp = request.CustomerIp;
        errors.Check("orderId", orderId is null ? FieldRules.OrderIdRequired : FieldRules.MerchantId(orderId));
        errors.Check("username", FieldRules.Text(username, CreateFrameRequest.MaxUsernameLength));
        errors.Check("customerIp", FieldRules.IpAddress(customerIp));
        return errors.IsEmpty ? new CreateFrameCommand(orderId!, username!, customerIp!) : null;
    }
}
