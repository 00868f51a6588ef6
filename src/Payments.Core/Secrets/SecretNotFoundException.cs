namespace Payments.Core.Secrets;

/// <summary>A secret the service needs is not configured (the name only; never a value).</summary>
public sealed class SecretNotFoundException(string name) : Exception($"The secret '{name}' is not configured.")
{
    public string Name { get; } = name;
}
