using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Payments.Core.Validation;

namespace Payments.Core.HaiPay;

/// <summary>The optional body of <c>POST /api/haipay/collections/{orderId}/refunds</c>; refunds are full.</summary>
/// <remarks>Read as sent (<see cref="JsonRequest"/>); <see cref="RefundValidator"/> checks it.</remarks>
public sealed record RefundRequest
{
    [Description("Your refund id; default derived from the collection id, so a repeat is the same refund.")]
    [StringLength(FieldRules.MaxOrderIdLength, MinimumLength = 1)]
    public string? RefundId { get; init; }
}
