namespace Payments.Core.HaiPay;

/// <summary>
/// The status queries that notifications failing verification may prompt, all orders and charge numbers together
/// (<see cref="HaiPayOptions.UnverifiedQueryBudget"/> per <see cref="HaiPayOptions.UnverifiedQueryBudgetPeriod"/>).
/// </summary>
public interface IUnverifiedQueryBudget
{
    /// <summary>Takes one query from the budget; false when it is spent for this period.</summary>
    bool TryTake();
}
