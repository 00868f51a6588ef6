using System.ComponentModel.DataAnnotations;

namespace Payments.Http.Security;

/// <summary>
/// Keys that authorize merchant-facing calls on the Server host, checked exactly like Azure Functions
/// function keys (<c>x-functions-key</c> header or <c>code</c> query parameter). The Functions host
/// manages its own keys and does not read this section.
/// </summary>
public sealed class FunctionKeyOptions
{
    public const string Section = "FunctionKeys";

    /// <summary>Accepted keys (two during rotation). No default: the host refuses to start without one.</summary>
    [MinLength(1, ErrorMessage = "Configure at least one key in FunctionKeys:Keys.")]
    public IList<string> Keys { get; } = [];
}
