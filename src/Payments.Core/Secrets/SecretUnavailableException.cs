namespace Payments.Core.Secrets;

/// <summary>
/// The secret store did not answer and holds no earlier value (the name only; never a value). Answered 503.
/// </summary>
public sealed class SecretUnavailableException(string name, Exception inner)
    : Exception($"The secret '{name}' could not be read: {inner?.GetType().Name}.", inner)
{
    public string Name { get; } = name;
}
