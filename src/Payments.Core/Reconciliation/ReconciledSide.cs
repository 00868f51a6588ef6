using System.Globalization;

namespace Payments.Core.Reconciliation;

/// <summary>What one side (our books, or the provider) holds about an order: status and amounts.</summary>
public sealed record ReconciledSide(string? Status, decimal? Amount, decimal? ReceivedAmount, decimal? Fee)
{
    /// <summary>The side as an operator reads it: <c>Succeeded 12.50 (received 12.40, fee 0.30)</c>.</summary>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Status ?? "no status"} {Shown(Amount)}");
        var extras = new List<string>();
        if (ReceivedAmount is { } received)
        {
            extras.Add("received " + Shown(received));
        }

        if (Fee is { } fee)
        {
            extras.Add("fee " + Shown(fee));
        }

        return extras.Count == 0 ? text : $"{text} ({string.Join(", ", extras)})";
    }

    private static string Shown(decimal? amount) => amount?.ToString(CultureInfo.InvariantCulture) ?? "no amount";
}
