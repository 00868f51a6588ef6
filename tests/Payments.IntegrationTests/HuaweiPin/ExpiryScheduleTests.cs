using Microsoft.Extensions.DependencyInjection;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HuaweiPin;

[Collection(AzuriteGroup.Name)]
public sealed class ExpiryScheduleTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ServerHost_ExpireFramesSchedule_ExpiresOldFramesOnItsOwn()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?> { ["ExpireFramesSchedule"] = "* * * * * *", ["HuaweiPin:FrameLifetime"] = "00:01:00" },
            s => s.AddSingleton<TimeProvider>(clock));
        await FrameFlow.CreatedIframeUrlAsync(system, "hp-scheduled");

        clock.Advance(TimeSpan.FromMinutes(2));

        await system.WaitForStatusAsync("hp-scheduled", "Expired");
    }
}
