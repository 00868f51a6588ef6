namespace Payments.Core.Orders;

/// <summary>The outcome of asking an order to change.</summary>
public sealed record Transition(TransitionKind Kind, PaymentOrder Order)
{
    /// <summary>
    /// For a conflict with signed provider data: the order flagged for a person (same status, review reason set),
    /// written by compare-and-swap although the change itself was refused. <see cref="Order"/> stays the order as it
    /// was.
    /// </summary>
    public PaymentOrder? Flagged { get; init; }

    public bool IsChanged => Kind == TransitionKind.Changed;

    /// <summary>
    /// Applies <paramref name="next"/> to the result; a conflict anywhere is the outcome, otherwise changed if either
    /// step changed.
    /// </summary>
    public Transition Then(Func<PaymentOrder, Transition> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (Kind == TransitionKind.Conflict)
        {
            return this;
        }

        var second = next(Order);
        return second.Kind == TransitionKind.Conflict
            ? second with
            {
                Kind = TransitionKind.Conflict,
            }
            : second with
            {
                Kind = IsChanged || second.IsChanged ? TransitionKind.Changed : TransitionKind.Unchanged,
            };
    }
}
