namespace Payments.Core.Orders;

/// <summary>The outcome of asking an order to change.</summary>
public sealed record Transition(TransitionKind Kind, PaymentOrder Order)
{
    public bool IsChanged => Kind == TransitionKind.Changed;
}
