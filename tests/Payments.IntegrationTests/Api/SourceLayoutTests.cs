using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Api;

/// <summary>
/// The house rules a reader relies on: no source file over 300 lines, no line over 120 characters (the width
/// CSharpier formats to, from .editorconfig; <c>scripts/test</c> also runs <c>dotnet csharpier check</c>), one log event
/// id per message (the ranges are in <c>LogEventIds</c>), and no test folder named after a review round.
/// </summary>
public sealed class SourceLayoutTests
{
    private const int MaxFileLines = 300;
    private const int MaxLineLength = 120;

    [Fact]
    public void SourceFiles_AtMost300Lines()
    {
        var tooLong = SourceFiles("src")
            .Select(f => (File: f, Lines: File.ReadAllLines(f).Length))
            .Where(f => f.Lines > MaxFileLines)
            .Select(f => $"{Relative(f.File)}: {f.Lines} lines");

        Assert.Empty(tooLong);
    }

    /// <summary>
    /// Test projects reference the Server beside other hosts; their build output has room for one appsettings.json,
    /// the Server's, whose job schedules the tests rely on.
    /// </summary>
    [Fact]
    public void AppSettingsFile_OnlyTheServersAmongHostsTestsReference()
    {
        var hosts = new[] { "Payments.Sandbox", "Payments.Http", "Payments.Core", "Payments.Azure" };

        var extra = hosts.Where(h => File.Exists(Path.Combine(RepositoryRoot.Path, "src", h, "appsettings.json")));

        Assert.Empty(extra);
    }

    [Fact]
    public void SourceLines_AtMost120Characters()
    {
        var wide = SourceFiles("src")
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: f, Number: i + 1, line.Length)))
            .Where(l => l.Length > MaxLineLength)
            .Select(l => $"{Relative(l.File)}:{l.Number}: {l.Length} characters");

        Assert.Empty(wide);
    }

    [Fact]
    public void LogEventIds_EachUsedOnce()
    {
        var ids = SourceFiles("src")
            .SelectMany(f =>
                System
                    .Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"EventId = (\d+)")
                    .Select(m => (Id: m.Groups[1].Value, File: Relative(f)))
            )
            .GroupBy(x => x.Id)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.File))}");

        Assert.Empty(ids);
    }

    [Fact]
    public void TestFolders_NamedByBehaviourNotByReview()
    {
        var named = Directory
            .EnumerateDirectories(Path.Combine(RepositoryRoot.Path, "tests"), "*", SearchOption.AllDirectories)
            .Where(d =>
                !d.Contains($"{Path.DirectorySeparatorChar}bin", StringComparison.Ordinal)
                && !d.Contains($"{Path.DirectorySeparatorChar}obj", StringComparison.Ordinal)
            )
            .Select(Path.GetFileName)
            .Where(name =>
                name!.StartsWith("Review", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("Hardening", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("Finding", StringComparison.OrdinalIgnoreCase)
            );

        Assert.Empty(named);
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory
            .EnumerateFiles(Path.Combine(RepositoryRoot.Path, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f =>
                !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains(
                    $"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}",
                    StringComparison.Ordinal
                )
            );

    private static string Relative(string path) => Path.GetRelativePath(RepositoryRoot.Path, path);
}
