namespace Payments.Http.Webhooks;

/// <summary>How one delivery attempt went: the merchant's status code, or why there was none.</summary>
public sealed record SendResult(int? StatusCode, string? Error)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public bool IsGone => StatusCode == 410;

    public string Describe() => Error ?? $"HTTP {StatusCode}";
}
