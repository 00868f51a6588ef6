namespace Payments.Core.Orders;

/// <summary>What a merchant's create request finds in the order store.</summary>
public enum AdmissionKind
{
    /// <summary>The order was written now; the provider has not been called.</summary>
    New,

    /// <summary>The same request arrived before and its outcome is known: answer with the stored order.</summary>
    Existing,

    /// <summary>The id is taken by different content (or another provider or kind).</summary>
    Conflict,

    /// <summary>An earlier request's provider call is still running.</summary>
    InProgress,

    /// <summary>
    /// An earlier call's outcome is not known (Unknown, or Created and abandoned): resolve before answering.
    /// </summary>
    Unresolved,
}
