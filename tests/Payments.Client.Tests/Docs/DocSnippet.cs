using System.Diagnostics;
using System.Text.RegularExpressions;
using Payments.IntegrationTests.Fixtures;

namespace Payments.Client.Tests.Docs;

/// <summary>A fenced code block of <c>docs/webhooks.md</c>, found by its marker, and a way to run it.</summary>
internal static partial class DocSnippet
{
    public static string Code(string marker)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "webhooks.md"));
        var match = Fenced().Matches(text).SingleOrDefault(m => m.Groups["marker"].Value == marker);
        return match?.Groups["code"].Value
            ?? throw new InvalidOperationException($"docs/webhooks.md has no snippet '{marker}'.");
    }

    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/>: exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await output).Trim() + (await error).Trim());
    }

    [GeneratedRegex(
        @"<!-- snippet: (?<marker>[a-z-]+) -->\s*```[a-z]+\n(?<code>.*?)```",
        RegexOptions.Singleline | RegexOptions.CultureInvariant
    )]
    private static partial Regex Fenced();
}
