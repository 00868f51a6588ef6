namespace Payments.Http.Security;

/// <summary>
/// Keys that authorize merchant-facing calls on the Server host, checked exactly like Azure Functions
/// function keys (<c>x-functions-key</c> header or <c>code</c> query parameter). The Functions host
/// manages its own keys and does not read this section.
/// </summary>
public sealed class FunctionKeyOptions
{
    public const string Section = "FunctionKeys";

    /// <summary>Shortest function key accepted on start (Azure generates 56 characters).</summary>
    public const int MinKeyLength = 16;

    /// <summary>
    /// Accepted keys (two during rotation), each at least <see cref="MinKeyLength"/> characters, none blank
    /// (<see cref="FunctionKeyOptionsValidator"/>). No default: the host refuses to start without one.
    /// </summary>
    public IList<string> Keys { get; } = [];
}
