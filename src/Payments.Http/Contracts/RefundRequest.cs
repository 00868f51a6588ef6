using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Payments.Http.Contracts;

/// <summary>The documented (optional) body of <c>POST /api/haipay/collections/{orderId}/refunds</c>. Refunds are full.</summary>
public sealed record RefundRequest
{
    [Description("Your refund id; default derived from the collection id, so a repeat is the same refund.")]
    [StringLength(48)]
    public string? RefundId { get; init; }
}
