using System.Diagnostics;

namespace Payments.IntegrationTests.Deploy;

/// <summary>A bash script of the repository run to its end: exit code and what it wrote.</summary>
internal sealed record ScriptRun(int ExitCode, string Output, string Error)
{
    public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static async Task<ScriptRun> BashAsync(
        string script,
        IEnumerable<string> arguments,
        IDictionary<string, string> environment,
        string? pathPrefix = null
    )
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Fixtures.RepositoryRoot.Path,
        };
        start.ArgumentList.Add(Path.Combine(Fixtures.RepositoryRoot.Path, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        if (pathPrefix is not null)
        {
            start.Environment["PATH"] = pathPrefix + ":" + start.Environment["PATH"];
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new ScriptRun(process.ExitCode, await output, await error);
    }
}
