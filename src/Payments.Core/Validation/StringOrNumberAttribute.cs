namespace Payments.Core.Validation;

/// <summary>
/// A string property of a request record that may also be sent as a JSON number (an amount): <see cref="JsonRequest"/>
/// then reads the number's literal text, so its format is checked as written.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class StringOrNumberAttribute : Attribute;
