namespace Payments.Client;

/// <summary>
/// The stable <see cref="PaymentsProblem.Code"/> values a merchant route answers with (the service's
/// <c>docs/problems.md</c> lists them all). Branch on these, never on a title or detail.
/// </summary>
public static class PaymentsProblemCodes
{
    /// <summary>400: <see cref="PaymentsProblem.Errors"/> names each bad field; nothing was written.</summary>
    public const string InvalidRequest = "invalid-request";

    /// <summary>401: the function key is missing or wrong.</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>404: no order, collection or subscription has the id.</summary>
    public const string OrderNotFound = "order-not-found";

    /// <summary>409: the order id exists with other content: use a new id.</summary>
    public const string OrderIdConflict = "order-id-conflict";

    /// <summary>409: the first request for the order or key is still running: send the same request again.</summary>
    public const string RequestInProgress = "request-in-progress";

    /// <summary>409: the order's state (<see cref="PaymentsProblem.OrderStatus"/>) does not allow it.</summary>
    public const string OrderStateConflict = "order-state-conflict";

    /// <summary>422: the Idempotency-Key was used for another request.</summary>
    public const string IdempotencyKeyReused = "idempotency-key-reused";

    /// <summary>502: the provider refused; the order is final (<see cref="PaymentsProblem.ProviderCode"/>).</summary>
    public const string ProviderRefused = "provider-refused";

    /// <summary>502: no usable answer from the provider; the order is Unknown: send the same request again.</summary>
    public const string ProviderUnavailable = "provider-unavailable";

    /// <summary>503: storage or the key vault is not answering; nothing was recorded: retry later.</summary>
    public const string ServiceUnavailable = "service-unavailable";
}
