namespace Payments.Bench;

/// <summary>
/// How long and how hard the bench runs. <c>--quick</c> is a smoke run: shorter, smaller, same shape. <c>--shared</c> says on
/// the load pages that other work shared the machine during the run (their absolute figures are then noisy).
/// </summary>
public sealed record BenchOptions(string Root, string Results, bool Quick, int? MaxOrders = null, bool Shared = false)
{
    public static readonly int[] Concurrency = [1, 8, 32, 128];

    public TimeSpan Duration => TimeSpan.FromSeconds(Quick ? 3 : 10);

    /// <summary>Distinct orders prepared per run: more than the run can use, so no request repeats.</summary>
    public int Pool => Quick ? 1_500 : 6_000;

    public int[] PollTotals => Quick ? [1_000, 5_000] : [1_000, 10_000, 100_000];

    /// <summary>Table sizes of the storage-request counts: the poll sizes, up to <see cref="MaxOrders"/> (<c>--max-orders</c>).</summary>
    public int[] RequestTotals => [.. PollTotals.Where(total => total <= (MaxOrders ?? int.MaxValue))];

    public int PollDue => Quick ? 300 : 1_000;

    public int[] MemoryMarks => Quick ? [1_000, 5_000] : [5_000, 50_000];

    public int StartupRuns => Quick ? 2 : 5;
}
