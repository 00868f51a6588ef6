using System.Text.RegularExpressions;

namespace Payments.Http.Endpoints;

/// <summary>
/// One HTTP endpoint both hosts serve; <paramref name="Route"/> is relative to the <c>api</c> prefix.
/// </summary>
public sealed partial record ApiRoute(string Name, string Method, string Route, AccessLevel Access)
{
    /// <summary>The absolute path of this route with its parameters, in order, filled in (escaped).</summary>
    public string PathWith(params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var parameters = Parameter().Count(Route);
        if (parameters != values.Length)
        {
            throw new ArgumentException(
                $"Route {Name} takes {parameters} values, not {values.Length}.",
                nameof(values)
            );
        }

        var next = 0;
        return $"/{ApiRoutes.Prefix}/{Parameter().Replace(Route, _ => Uri.EscapeDataString(values[next++]))}";
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
