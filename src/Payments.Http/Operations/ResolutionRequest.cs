using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Payments.Http.Operations;

/// <summary>
/// The documented body of <c>POST /api/ops/orders/{orderId}/resolution</c> (validated by <see
/// cref="OperatorRequests"/>).
/// </summary>
public sealed record ResolutionRequest
{
    [Description("Succeeded or Failed.")]
    [Required]
    public required string Decision { get; init; }

    [Description(
        "Who decides (e.g. alice@shop.example): required with an operator key, and kept in the audit record. Signed in "
            + "with Entra ID: optional and ignored, the principal's name and object id are recorded."
    )]
    [StringLength(OperatorRequests.MaxOperatorLength)]
    public string? Operator { get; init; }

    [Description(
        "Why; kept in the audit record. A card number (13-19 digits passing the Luhn check, also in groups) is refused "
            + "(400)."
    )]
    [Required, StringLength(OperatorRequests.MaxNoteLength)]
    public required string Note { get; init; }

    [Description(
        "provider-answer: the provider is asked now and its signed answer must agree with the decision and flag "
            + "nothing for a person (no amount-mismatch, partial or over-collection), its amounts are recorded (HaiPay "
            + "only); manual-override: the operator's word, named as such in the audit record."
    )]
    [Required]
    public required string Evidence { get; init; }
}
