namespace Payments.Core.Orders;

public enum TransitionKind
{
    /// <summary>The order changed and must be written.</summary>
    Changed,

    /// <summary>The order is already in the requested state (a duplicate); nothing to write.</summary>
    Unchanged,

    /// <summary>The change would contradict a final state; nothing to write, an operator should look.</summary>
    Conflict,
}
