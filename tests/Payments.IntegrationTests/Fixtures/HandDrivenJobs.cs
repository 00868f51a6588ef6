using System.Globalization;
using System.Runtime.CompilerServices;
using Payments.Http.Jobs;

namespace Payments.IntegrationTests.Fixtures;

/// <summary>
/// Schedules for a test that runs the jobs by hand on a <c>FakeTimeProvider</c>, whose timers fire on <c>Advance</c>:
/// every scheduled job's next run is 20 days after the clock's start, past any advance a test makes (three days at
/// most) and within the 49 days a delay may last, so no scheduled run races the test's own runs.
/// </summary>
public static class HandDrivenJobs
{
    /// <summary>
    /// Each <see cref="IScheduledJob"/>'s schedule setting, set to a run 20 days after <paramref name="clock"/>'s now.
    /// </summary>
    public static Dictionary<string, string?> Settings(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var day = clock.GetUtcNow().AddDays(20);
        var later = string.Create(CultureInfo.InvariantCulture, $"0 0 0 {day.Day} {day.Month} *");
        return typeof(IScheduledJob)
            .Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IScheduledJob)))
            .Select(t => ((IScheduledJob)RuntimeHelpers.GetUninitializedObject(t)).ScheduleSetting)
            .ToDictionary(setting => setting, _ => (string?)later);
    }

    /// <summary>
    /// Each <see cref="IScheduledJob"/>'s schedule setting, set to run only on 29 February: for a test that runs no job
    /// on a schedule at all (a job added later is quiet too).
    /// </summary>
    public static Dictionary<string, string?> Never() =>
        Settings(TimeProvider.System).ToDictionary(s => s.Key, _ => (string?)"0 0 0 29 2 *");

    /// <summary><see cref="Settings"/> with <paramref name="settings"/> on top.</summary>
    public static Dictionary<string, string?> Settings(TimeProvider clock, IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var merged = Settings(clock);
        foreach (var (key, value) in settings)
        {
            merged[key] = value;
        }

        return merged;
    }
}
