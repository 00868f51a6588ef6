using System.Text.Json;
using Payments.Core.Operations;
using Payments.Core.Validation;

namespace Payments.Http.Operations;

/// <summary>A valid acknowledgement request: who saw why the final order was flagged, and what they found.</summary>
public sealed record Acknowledgement(OperatorPrincipal By, string Note)
{
    /// <summary>
    /// The body of <c>POST api/ops/orders/{orderId}/acknowledgement</c> sent by <paramref name="by"/>: <c>note</c>
    /// required, <c>operator</c> too with an operator key (<see cref="OperatorRequests.Operator"/>).
    /// </summary>
    public static Acknowledgement? Read(JsonElement body, OperatorPrincipal by, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(errors);
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be a JSON object");
            return null;
        }

        var who = OperatorRequests.Operator(body, by, errors);
        var note = JsonFields.OptionalString(body, "note", errors);
        errors.Check("note", FieldRules.FreeText(note, OperatorRequests.MaxNoteLength));
        return errors.IsEmpty ? new Acknowledgement(by.Naming(who), note!) : null;
    }
}
