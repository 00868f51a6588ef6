namespace Payments.Client;

/// <summary>Where the payments service is and the function key that opens its merchant routes.</summary>
public sealed class PaymentsClientOptions
{
    /// <summary>
    /// The service's root, e.g. <c>https://payments.example.azurewebsites.net/</c> (locally
    /// <c>http://127.0.0.1:7071/</c>); routes are under its <c>api/</c>.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>A function key (<c>az functionapp keys list</c>; locally <c>local-dev-function-key</c>).</summary>
    public string? FunctionKey { get; set; }

    /// <exception cref="ArgumentException">The base address is missing or not absolute http(s), or no key.</exception>
    public void Validate()
    {
        if (BaseAddress is not { IsAbsoluteUri: true, Scheme: "http" or "https" })
        {
            throw new ArgumentException("PaymentsClientOptions.BaseAddress must be an absolute http(s) URL.");
        }

        if (string.IsNullOrWhiteSpace(FunctionKey))
        {
            throw new ArgumentException("PaymentsClientOptions.FunctionKey is required.");
        }
    }
}
