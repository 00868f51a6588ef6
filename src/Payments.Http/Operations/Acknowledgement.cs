using System.Text.Json;
using Payments.Core.Validation;

namespace Payments.Http.Operations;

/// <summary>A valid acknowledgement request: who saw why the final order was flagged, and what they found.</summary>
public sealed record Acknowledgement(string Operator, string Note)
{
    /// <summary>
    /// The body of <c>POST api/ops/orders/{orderId}/acknowledgement</c>: <c>operator</c> and <c>note</c>, both
    /// required.
    /// </summary>
    public static Acknowledgement? Read(JsonElement body, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be a JSON object");
            return null;
        }

        var who = JsonFields.OptionalString(body, "operator", errors);
        errors.Check("operator", FieldRules.FreeText(who, OperatorRequests.MaxOperatorLength));
        var note = JsonFields.OptionalString(body, "note", errors);
        errors.Check("note", FieldRules.FreeText(note, OperatorRequests.MaxNoteLength));
        return errors.IsEmpty ? new Acknowledgement(who!, note!) : null;
    }
}
