using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Payments.Core.Orders;
using Payments.Http.Telemetry;
using Payments.IntegrationTests.Chaos;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HuaweiPin;

namespace Payments.IntegrationTests.Telemetry;

/// <summary>
/// <c>payments.callbacks</c> counts every callback and notification answered, those ending in an exception included: a
/// callback answered 503 because storage did not answer (the case an operator most needs to see) counts as unavailable.
/// </summary>
[Collection(SerialGroup.Name)]
public sealed class CallbackCountingTests(SharedAzurite azurite)
{
    [Fact]
    public async Task Callback_StorageNeverAnswers503_CountedInPaymentsCallbacks()
    {
        await using var line = StorageCutProxy.Start(azurite.Port);
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["PaymentsStorage:ConnectionString"] = line.ConnectionString(azurite),
                ["PaymentsStorage:Timeout"] = "00:00:02",
                ["HuaweiPin:PollSchedule"] = "0 0 0 1 1 *",
                ["HaiPayPollSchedule"] = "0 0 0 1 1 *",
            }
        );
        var telemetry = system.Server.Services.GetRequiredService<PaymentsTelemetry>();
        using var callbacks = new MetricCollector<long>(telemetry.Meter, PaymentsTelemetry.Instruments.Callbacks);
        await FrameFlow.CreatedIframeUrlAsync(system, "r2-count-503");
        var delivery = ProviderMessages.Genuine("r2-count-503", OrderStatus.Succeeded, 40m, PaymentProvider.HuaweiPin);
        line.Stall();

        using var client = system.Server.CreateAnonymousClient();
        using var response = await client.PostAsync(
            delivery.Path,
            new StringContent(delivery.Body, Encoding.UTF8, "application/json")
        );
        line.Unstall();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotEmpty(callbacks.GetMeasurementSnapshot());
    }
}
