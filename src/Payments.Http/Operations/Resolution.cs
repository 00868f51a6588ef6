using Payments.Core.Orders;

namespace Payments.Http.Operations;

/// <summary>A valid resolution request.</summary>
public sealed record Resolution(OrderStatus Decision, string Operator, string Note, string Evidence)
{
    public const string ProviderAnswer = "provider-answer";
    public const string ManualOverride = "manual-override";
}
