using System.Diagnostics;
using System.Globalization;

namespace Payments.Bench.Infrastructure;

/// <summary>A process the bench starts (Azurite, the sandbox, a Server): output discarded, killed with its children on dispose.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;

    private ChildProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(fileName) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process);
    }

    /// <summary>Resident set size (VmRSS) in MiB, from <c>/proc</c>.</summary>
    public double ResidentMiB()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>Waits until <paramref name="url"/> answers 200; returns how long after the process started that was.</summary>
    public async Task<TimeSpan> WaitForOkAsync(Uri url, TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (DateTime.Now - process.StartTime < limit)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.StartInfo.FileName} exited with code {process.ExitCode}.");
            }

            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return DateTime.Now - process.StartTime;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
            {
                // No answer within the try's 2 s (a starting process on a busy machine): ask again until the limit.
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"{url} did not answer 200 within {limit}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
