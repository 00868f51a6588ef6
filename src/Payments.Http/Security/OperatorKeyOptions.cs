namespace Payments.Http.Security;

/// <summary>
/// Keys that authorize operator calls (<c>api/ops/...</c>) on the Server host, sent in the <c>x-functions-key</c>
/// header like a function key but never one: a merchant's function key does not open operator routes. The Functions
/// host manages its own master key for them (<c>AuthorizationLevel.Admin</c>) and does not read this section.
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
