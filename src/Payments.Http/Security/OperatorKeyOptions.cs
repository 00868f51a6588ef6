namespace Payments.Http.Security;

/// <summary>
/// Keys that authorize operator calls (<c>api/ops/...</c>) in <see cref="OperatorAuthenticationMode.Keys"/> mode (the
/// Server's default, for local use), sent in the <c>x-functions-key</c> header like a function key but never one: a
/// merchant's function key does not open operator routes. Not read in <see cref="OperatorAuthenticationMode.EntraId"/>
/// mode (Azure), where operators sign in.
/// </summary>
public sealed class OperatorKeyOptions
{
    public const string Section = "OperatorKeys";

    /// <summary>Shortest operator key accepted on start.</summary>
    public const int MinKeyLength = 24;

    /// <summary>
    /// Accepted operator keys (two during rotation), each at least <see cref="MinKeyLength"/> characters and none also
    /// a function key. Default none: every operator call is refused with 401 until one is configured.
    /// </summary>
    public IList<string> Keys { get; } = [];
}
