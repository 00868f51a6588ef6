using System.Text.Json;
using System.Text.Json.Serialization;

namespace Payments.Client.Json;

/// <summary>
/// The JSON shape of the service: camelCase names, nulls left out of requests, every decimal an amount as decimal
/// text (<see cref="MoneyConverter"/>).
/// </summary>
public static class PaymentsJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new MoneyConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
