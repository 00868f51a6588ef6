namespace Payments.IntegrationTests.Fixtures;

/// <summary>The storage requests a piece of work sent for one order's own row (not its index rows).</summary>
internal static class OrderRowRequests
{
    /// <summary>Background jobs that would read orders on their own, scheduled for a year away.</summary>
    public static Dictionary<string, string?> JobsOff() =>
        new()
        {
            ["HaiPayPollSchedule"] = "0 0 0 1 1 *",
            ["ExpireFramesSchedule"] = "0 0 0 1 1 *",
            ["DeliverWebhooksSchedule"] = "0 0 0 1 1 *",
        };

    /// <summary>
    /// The methods of the requests <paramref name="log"/> holds for the row of <paramref name="orderId"/>.
    /// </summary>
    public static List<string> Methods(StorageRequestLog log, string orderId)
    {
        ArgumentNullException.ThrowIfNull(log);
        var row = $"(PartitionKey='{orderId}',RowKey='order')";
        return [.. log.Requests.Where(r => r.Contains(row, StringComparison.Ordinal)).Select(r => r.Split(' ')[0])];
    }
}
