using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Payments.Http.Operations;

/// <summary>
/// The documented (optional) body of the operator's replay and enable calls: who did it and why, for the audit record.
/// </summary>
public sealed record OperatorNoteRequest
{
    [Description("Who acts (e.g. alice@shop.example), recorded with an operator key; ignored when signed in.")]
    [StringLength(OperatorRequests.MaxOperatorLength)]
    public string? Operator { get; init; }

    [Description(
        "Why; kept in the audit record. A card number (13-19 digits passing the Luhn check, also in groups) is refused "
            + "(400)."
    )]
    [StringLength(OperatorRequests.MaxNoteLength)]
    public string? Note { get; init; }
}
