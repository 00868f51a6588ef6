namespace Payments.Core.Orders;

/// <summary>Our status of an order, independent of the provider's raw status.</summary>
public enum OrderStatus
{
    /// <summary>Written before the provider is called; the call's outcome is not known yet.</summary>
    Created = 0,

    /// <summary>The provider accepted the order; the customer has not finished paying.</summary>
    Pending = 1,

    /// <summary>The provider call timed out or failed with 5xx: the order may or may not exist there.</summary>
    Unknown = 2,

    /// <summary>The provider refused to create the order. Final.</summary>
    Rejected = 3,

    /// <summary>The money was taken. Final.</summary>
    Succeeded = 4,

    /// <summary>The provider says the payment failed. Final.</summary>
    Failed = 5,

    /// <summary>Nothing final arrived in time. A later provider verdict still moves it on.</summary>
    Expired = 6,

    /// <summary>Checks ran out or the provider reported something that needs a person.</summary>
    NeedsReview = 7,

    /// <summary>A subscription the customer confirmed: it charges on its schedule until canceled.</summary>
    Active = 8,

    /// <summary>A subscription that was canceled. Final.</summary>
    Canceled = 9,
}
