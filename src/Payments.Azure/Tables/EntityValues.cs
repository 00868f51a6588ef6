using System.Globalization;
using Azure.Data.Tables;

namespace Payments.Azure.Tables;

/// <summary>
/// Entity properties as every table keeps them: integers whatever width they were stored with, money as invariant
/// decimal text (never a double).
/// </summary>
internal static class EntityValues
{
    /// <summary>An amount as a row keeps it: invariant decimal text; null for none.</summary>
    public static string? MoneyText(decimal? amount) => amount?.ToString(CultureInfo.InvariantCulture);

    /// <summary>An amount a row keeps as <see cref="MoneyText"/>; null when missing.</summary>
    public static decimal? GetMoney(this TableEntity entity, string name) =>
        entity.GetString(name) is { } text
            ? decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture)
            : null;

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
