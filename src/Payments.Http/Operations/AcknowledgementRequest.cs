using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Payments.Http.Operations;

/// <summary>
/// The documented body of <c>POST /api/ops/orders/{orderId}/acknowledgement</c> (validated by <see
/// cref="Acknowledgement.Read"/>).
/// </summary>
public sealed record AcknowledgementRequest
{
    [Description(
        "Who acknowledges (e.g. alice@shop.example): required with an operator key, kept in the audit record and on "
            + "the order. Signed in with Entra ID: optional and ignored, the principal's name is kept instead."
    )]
    [StringLength(OperatorRequests.MaxOperatorLength)]
    public string? Operator { get; init; }

    [Description("What was found or done (refund issued, provider asked…); kept in the audit record.")]
    [Required, StringLength(OperatorRequests.MaxNoteLength)]
    public required string Note { get; init; }
}
