namespace Payments.Bench.Load;

/// <summary>
/// One load run: throughput, latency percentiles, and every way a request could have gone wrong (<c>Errors</c>: socket
/// errors and answers other than the expected one; <c>Repeated</c>: requests sent again because the prepared ones ran
/// out; <c>Answers</c>: the HTTP statuses seen, e.g. <c>200:2950</c>).
/// </summary>
public sealed record LoadResult(int Concurrency, long Requests, TimeSpan Duration, TimeSpan P50, TimeSpan P99, long Errors, long Repeated, string Answers = "")
{
    public double PerSecond => Requests / Duration.TotalSeconds;
}
