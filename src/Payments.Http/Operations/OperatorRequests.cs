using System.Globalization;
using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Payments.Core.Operations;
using Payments.Core.Operations.Resolutions;
using Payments.Core.Operations.Sync;
using Payments.Core.Orders;
using Payments.Core.Validation;

namespace Payments.Http.Operations;

/// <summary>
/// Reads the operator API's queries and bodies into what its use cases take; every bad field is named, nothing is read
/// from storage first. The limits here are the ones the documented request records declare.
/// </summary>
public static class OperatorRequests
{
    /// <summary>The title of a 400 answering a bad query or route value.</summary>
    public const string InvalidTitle = "The request has invalid fields.";

    public const int MaxOperatorLength = 254;
    public const int MaxNoteLength = 2000;
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>How long a stale order has been waiting at least, unless <c>olderThan</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultOlderThan = TimeSpan.FromDays(1);

    private static readonly TimeSpan MaxOlderThan = TimeSpan.FromDays(3650);

    public static AttentionQuery? Attention(IQueryCollection query, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        Repeated(query, errors);
        var categoryText = Single(query, "category");
        var category = AttentionCategories.Parse(categoryText);
        errors.Check(
            "category",
            categoryText is null ? "is required"
                : category is null ? $"must be one of {string.Join(", ", AttentionCategories.Names)}"
                : null
        );

        var reason = Single(query, "reason");
        if (reason is not null)
        {
            errors.Check(
                "reason",
                category is not null and not AttentionCategory.NeedsReview ? "applies to category needs-review only"
                    : ReviewReasons.Parse(reason) is null ? $"must be one of {string.Join(", ", ReviewReasons.All)}"
                    : null
            );
        }

        var olderThanText = Single(query, "olderThan");
        var olderThan = DefaultOlderThan;
        if (olderThanText is not null)
        {
            errors.Check(
                "olderThan",
                category is not null and not AttentionCategory.Stale ? "applies to category stale only" : null
            );
            var parsed = Duration(olderThanText);
            errors.Check(
                "olderThan",
                parsed is null ? "must be a duration such as 1.00:00:00 or P1D"
                    : parsed <= TimeSpan.Zero || parsed > MaxOlderThan ? "must be more than zero and at most 3650 days"
                    : null
            );
            olderThan = parsed ?? olderThan;
        }

        var limit = Limit(query, errors);
        var after = After(query, errors);
        return errors.IsEmpty ? new AttentionQuery(category!.Value, reason, olderThan, limit, after) : null;
    }

    /// <summary>
    /// <c>GET api/ops/webhooks</c>: <c>state</c> (abandoned, the default and only state listed), <c>limit</c>,
    /// <c>continuation</c>.
    /// </summary>
    public static (int Limit, string? After)? Webhooks(IQueryCollection query, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        Repeated(query, errors);
        var state = Single(query, "state");
        errors.Check("state", state is null or "abandoned" ? null : "must be abandoned");
        var limit = Limit(query, errors);
        var after = After(query, errors);
        return errors.IsEmpty ? (limit, after) : null;
    }

    /// <summary>
    /// The body of <c>POST api/ops/orders/{orderId}/resolution</c> (<see cref="ResolutionRequest"/>) with its route's
    /// <paramref name="orderId"/>, made by <paramref name="by"/>: the command, or null with every bad field named.
    /// </summary>
    public static ResolveOrderCommand? Resolution(
        string orderId,
        OperatorPrincipal by,
        JsonElement body,
        FieldErrors errors
    )
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(errors);
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be a JSON object");
            return WithRouteValues<ResolveOrderCommand>(errors, null, ("orderId", orderId));
        }

        var decisionText = JsonFields.OptionalString(body, "decision", errors);
        var decision = decisionText switch
        {
            "Succeeded" => OrderStatus.Succeeded,
            "Failed" => OrderStatus.Failed,
            _ => (OrderStatus?)null,
        };
        errors.Check(
            "decision",
            decisionText is null ? "is required"
                : decision is null ? "must be Succeeded or Failed"
                : null
        );
        var who = Operator(body, by, errors);
        var note = JsonFields.OptionalString(body, "note", errors);
        errors.Check("note", FieldRules.FreeText(note, MaxNoteLength));
        var evidence = JsonFields.OptionalString(body, "evidence", errors);
        errors.Check(
            "evidence",
            evidence switch
            {
                null => "is required",
                ResolutionEvidence.ProviderAnswer or ResolutionEvidence.ManualOverride => null,
                _ => $"must be {ResolutionEvidence.ProviderAnswer} or {ResolutionEvidence.ManualOverride}",
            }
        );
        var command = errors.IsEmpty
            ? new ResolveOrderCommand(orderId, decision!.Value, by.Naming(who), note!, evidence!)
            : null;
        return WithRouteValues(errors, command, ("orderId", orderId));
    }

    /// <summary>
    /// The <c>operator</c> name a body types: required with an operator key (it is what the record names), optional and
    /// not recorded for a signed-in principal (whose own name is); valid text when sent.
    /// </summary>
    public static string? Operator(JsonElement body, OperatorPrincipal by, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(errors);
        var who = JsonFields.OptionalString(body, "operator", errors);
        errors.Check("operator", who is null && by.IsSignedIn ? null : FieldRules.FreeText(who, MaxOperatorLength));
        return who;
    }

    /// <summary>
    /// The optional body of replay and enable (<see cref="OperatorNoteRequest"/>): <c>operator</c> and <c>note</c>,
    /// each optional but valid text when sent.
    /// </summary>
    public static OperatorNote? Note(JsonElement body, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be a JSON object");
            return null;
        }

        var who = JsonFields.OptionalString(body, "operator", errors);
        errors.Check("operator", who is null ? null : FieldRules.FreeText(who, MaxOperatorLength));
        var note = JsonFields.OptionalString(body, "note", errors);
        errors.Check("note", note is null ? null : FieldRules.FreeText(note, MaxNoteLength));
        return errors.IsEmpty ? new OperatorNote(who, note) : null;
    }

    /// <summary>
    /// The body of <c>POST api/ops/sync</c> (<see cref="OpsSyncRequest"/>) sent by <paramref name="by"/>:
    /// <c>orderId</c>, or nothing for a poll cycle.
    /// </summary>
    public static OperatorSyncCommand? Sync(JsonElement body, OperatorPrincipal by, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be a JSON object");
            return null;
        }

        var orderId = JsonFields.OptionalString(body, "orderId", errors);
        errors.Check("orderId", orderId is null ? null : FieldRules.OrderId(orderId));
        return errors.IsEmpty ? new OperatorSyncCommand(orderId, by) : null;
    }

    /// <summary>
    /// Checks the route's path values (<c>orderId</c>, <c>eventId</c>) with the order-id rule, adding to the body's
    /// errors so one 400 names every bad field; <paramref name="command"/> when all is valid, otherwise null. Nothing
    /// is read from storage first.
    /// </summary>
    public static T? WithRouteValues<T>(FieldErrors errors, T? command, params (string Field, string Value)[] values)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (field, value) in values)
        {
            errors.Check(field, FieldRules.OrderId(value));
        }

        return errors.IsEmpty ? command : null;
    }

    /// <summary>
    /// A TimeSpan in its invariant form (<c>1.00:00:00</c>) or an ISO-8601 duration (<c>P1D</c>, <c>PT12H</c>).
    /// </summary>
    private static TimeSpan? Duration(string text)
    {
        if (TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var span))
        {
            return span;
        }

        if (text.StartsWith('P'))
        {
            try
            {
                return XmlConvert.ToTimeSpan(text);
            }
            catch (FormatException)
            {
                return null;
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        return null;
    }

    private static int Limit(IQueryCollection query, FieldErrors errors)
    {
        var text = Single(query, "limit");
        if (text is null)
        {
            return DefaultLimit;
        }

        var valid =
            text.Length <= 3
            && text.All(char.IsAsciiDigit)
            && int.Parse(text, CultureInfo.InvariantCulture) is >= 1 and <= MaxLimit;
        errors.Check("limit", valid ? null : $"must be a whole number from 1 to {MaxLimit}");
        return valid ? int.Parse(text, CultureInfo.InvariantCulture) : DefaultLimit;
    }

    private static string? After(IQueryCollection query, FieldErrors errors)
    {
        var text = Single(query, "continuation");
        if (text is null)
        {
            return null;
        }

        var key = Continuation.Decode(text);
        errors.Check("continuation", key is null ? "is not a continuation this listing handed out" : null);
        return key;
    }

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    private static void Repeated(IQueryCollection query, FieldErrors errors)
    {
        foreach (var repeated in query.Where(q => q.Value.Count > 1))
        {
            errors.Add(repeated.Key, "appears more than once");
        }
    }
}
