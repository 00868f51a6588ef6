namespace Payments.Core.Orders;

/// <summary>The result of adding an order: the new one, or the one that already had that id.</summary>
public sealed record AddResult(Versioned<PaymentOrder> Order, bool Added);
