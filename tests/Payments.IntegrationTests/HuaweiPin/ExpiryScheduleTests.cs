using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HuaweiPin;

public sealed class ExpiryScheduleTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task ServerHost_ExpireFramesSchedule_ExpiresOldFramesOnItsOwn()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["ExpireFramesSchedule"] = "* * * * * *",
                ["HuaweiPin:FrameLifetime"] = "00:01:00",
            },
            s => s.AddSingleton<TimeProvider>(clock)
        );
        await FrameFlow.CreatedIframeUrlAsync(system, "hp-scheduled");
        using var client = system.Server.CreateMerchantClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? status;

        // The schedule's timer fires when the fake clock passes it; the clock moves on a second at a time until the
        // job (never called here) has expired the frame, so a runner that had not yet armed its timer is not missed.
        clock.Advance(TimeSpan.FromMinutes(2));
        while ((status = await StatusAsync(client, "hp-scheduled")) != "Expired" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal("Expired", status);
    }

    private static async Task<string?> StatusAsync(HttpClient client, string orderId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("status").GetString();
}
