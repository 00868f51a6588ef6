namespace Payments.Core.Validation;

/// <summary>Collects validation errors by field name, for a 400 that names each bad field.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>
    /// Adds <paramref name="message"/> unless it is null or the field already has an error (e.g. a wrong type).
    /// </summary>
    public void Check(string field, string? message)
    {
        if (message is not null && !errors.ContainsKey(field))
        {
            Add(field, message);
        }
    }

    public IDictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
