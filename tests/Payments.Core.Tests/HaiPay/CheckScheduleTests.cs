using Payments.Core.HaiPay;

namespace Payments.Core.Tests.HaiPay;

public sealed class CheckScheduleTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 5)]
    [InlineData(5, 5)]
    [InlineData(6, 60)]
    [InlineData(40, 60)]
    public void Next_AfterChecks_DefaultCadence(int checksDone, int minutes)
    {
        var now = Created.AddHours(1);

        Assert.Equal(now.AddMinutes(minutes), new CheckScheduleOptions().Next(checksDone, Created, now));
    }

    [Fact]
    public void Next_PastTheHorizon_Null()
    {
        var schedule = new CheckScheduleOptions();

        Assert.Equal(Created.AddHours(72), schedule.Next(50, Created, Created.AddHours(71)));
        Assert.Null(schedule.Next(50, Created, Created.AddHours(71).AddTicks(1)));
    }

    [Fact]
    public void Next_Configured_UsesTheSettings()
    {
        var schedule = new CheckScheduleOptions
        {
            First = TimeSpan.FromSeconds(10),
            Quick = TimeSpan.FromSeconds(30),
            QuickCount = 2,
            Slow = TimeSpan.FromMinutes(10),
        };

        Assert.Equal(
            [Created.AddSeconds(10), Created.AddSeconds(30), Created.AddSeconds(30), Created.AddMinutes(10)],
            Enumerable.Range(0, 4).Select(n => schedule.Next(n, Created, Created)!.Value)
        );
    }
}
