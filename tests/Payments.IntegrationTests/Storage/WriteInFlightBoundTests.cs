using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Payments.Azure;
using Payments.Core.Orders;

namespace Payments.IntegrationTests.Storage;

/// <summary>
/// <see cref="WriteInFlight.Grace"/> must outlast the slowest order write the settings allow: an order write is up to
/// six bounded calls after its time is stamped (outbox due row, reference, two attention rows, due row, the order row),
/// each bounded by the longest <c>PaymentsStorage:Timeout</c> the validator accepts; otherwise a listing or delivery
/// run could drop the row of a write that then lands (the NeedsReview listing, the webhook lost for good).
/// </summary>
public sealed class WriteInFlightBoundTests
{
    private const int BoundedCallsPerOrderWrite = 6;

    [Fact]
    public void LongestAcceptedStorageTimeout_OrderWriteFitsWithinWriteInFlightGrace()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["PaymentsStorage:ConnectionString"] = "UseDevelopmentStorage=true",
                    ["PaymentsStorage:Timeout"] = "00:02:00",
                }
            )
            .Build();
        using var services = new ServiceCollection()
            .AddLogging()
            .AddPaymentsStorage(configuration)
            .BuildServiceProvider();

        var timeout = services.GetRequiredService<IOptions<StorageOptions>>().Value.Timeout;

        Assert.True(
            timeout * BoundedCallsPerOrderWrite < WriteInFlight.Grace,
            $"PaymentsStorage:Timeout {timeout} accepted: an order write may land up to "
                + $"{timeout * BoundedCallsPerOrderWrite} after its index rows' WrittenAt, past the grace "
                + $"{WriteInFlight.Grace}"
        );
    }
}
