using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Payments.Http.Contracts;

/// <summary>The documented body of <c>POST /api/haipay/collections</c>.</summary>
public sealed record CreateCollectionRequest : CardPaymentFields
{
    [Description("Your order id (at most 48 characters); generated when absent. Repeating it repeats the request.")]
    [StringLength(48)]
    public string? OrderId { get; init; }
}
