using System.Net;

namespace Payments.Client;

/// <summary>
/// The service answered with an error status. <see cref="Problem"/> holds the parsed problem answer (its
/// <see cref="PaymentsProblem.Code"/>, the bad fields, the order's status); an answer without a problem body (a 401
/// from the Functions host, say) gives a problem with only the status.
/// </summary>
public sealed class PaymentsApiException : Exception
{
    public PaymentsApiException() { }

    public PaymentsApiException(string message)
        : base(message) { }

    public PaymentsApiException(string message, Exception innerException)
        : base(message, innerException) { }

    public PaymentsApiException(HttpStatusCode statusCode, PaymentsProblem problem, TimeSpan? retryAfter)
        : base(MessageOf(statusCode, problem))
    {
        StatusCode = statusCode;
        Problem = problem;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode StatusCode { get; }

    public PaymentsProblem Problem { get; } = new();

    /// <summary>How long the service asked to wait before retrying (503, a 409 while the first request runs).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// True when sending the same request again is the documented way to resolve it: the provider gave no usable
    /// answer (the order is <c>Unknown</c>), the first request is still running, or the service is unavailable.
    /// </summary>
    public bool IsRetryable =>
        StatusCode == HttpStatusCode.ServiceUnavailable
        || Problem.Code
            is PaymentsProblemCodes.ProviderUnavailable
                or PaymentsProblemCodes.RequestInProgress
                or PaymentsProblemCodes.ServiceUnavailable;

    private static string MessageOf(HttpStatusCode statusCode, PaymentsProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var code = problem.Code is null ? "" : $" [{problem.Code}]";
        return $"{(int)statusCode} {problem.Title ?? statusCode.ToString()}{code}: {problem.Detail}";
    }
}
