namespace Payments.Core.HaiPay;

/// <summary>
/// Card data on its way to HaiPay. Lives only for the request: never stored, logged or echoed; its
/// <see cref="ToString"/> shows the last four digits only.
/// </summary>
public sealed class CardDetails(string number, string expiryMonth, string expiryYear, string cvv)
{
    public string Number { get; } = number;
    public string ExpiryMonth { get; } = expiryMonth;
    public string ExpiryYear { get; } = expiryYear;
    public string Cvv { get; } = cvv;
    public string Last4 => Number[^4..];

    public override string ToString() => $"card ending {Last4}";
}
