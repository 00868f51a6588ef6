using Azure.Data.Tables;

namespace Payments.Azure.Tables;

/// <summary>Reads entity properties whatever integer width they were stored with.</summary>
internal static class EntityValues
{
    /// <summary>An Edm.Int32 or Edm.Int64 property as a long; null when missing.</summary>
    public static long? GetNumber(this TableEntity entity, string name) =>
        entity.TryGetValue(name, out var value)
            ? value switch
            {
                int i => i,
                long l => l,
                _ => throw new InvalidOperationException(
                    $"Property {name} is a {value?.GetType().Name}, not an integer."
                ),
            }
            : null;
}
