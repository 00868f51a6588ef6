using System.Globalization;

namespace Payments.Bench.Infrastructure;

/// <summary>How busy the machine's CPUs were: Linux's 1-minute load average (<c>/proc/loadavg</c>), null where there is none.</summary>
public static class MachineLoad
{
    public static double? OneMinute()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
