using Payments.Bench.Infrastructure;
using Payments.Bench.Reporting;
using Payments.Testing;

namespace Payments.Bench.Scenarios;

/// <summary>Process start to the first 200 on <c>/api/health</c>: the Server beside a bare ASP.NET Core app, started alike.</summary>
public sealed class StartupTime(BenchSystem stack, BenchOptions options)
{
    private const string Prefix = "startup";

    public async Task RunAsync()
    {
        await (await stack.StartServerAsync(Prefix)).Process.DisposeAsync();
        var server = new List<TimeSpan>();
        var bare = new List<TimeSpan>();
        for (var i = 0; i < options.StartupRuns; i++)
        {
            server.Add(await TimeAsync(() => stack.StartServerProcess(Prefix)));
            bare.Add(await TimeAsync(StartBareApp));
        }

        var (serverMedian, bareMedian) = (Median(server), Median(bare));
        Console.WriteLine($"start-up: Server {serverMedian.TotalMilliseconds:0} ms, bare app {bareMedian.TotalMilliseconds:0} ms");
        await new MarkdownReport("Start-up: process start to the first 200 on /api/health")
            .Note($"Each app is started {options.StartupRuns} times as `dotnet <app>.dll` (Release build, Production environment), alternating, and `/api/health` is asked "
                + "every 5 ms from the moment the process starts. The Server's health answer needs its tables to exist (they do: one untimed start made them), its "
                + "options validated and its storage reachable; the bare app is `WebApplication.CreateBuilder(args).Build()` with one `MapGet`.")
            .Table(["App", "Median", "Fastest", "Slowest"],
            [
                ["Server (`src/Payments.Server`)", MarkdownReport.Ms(serverMedian), MarkdownReport.Ms(server.Min()), MarkdownReport.Ms(server.Max())],
                ["Bare ASP.NET Core (`bench/BareApp`)", MarkdownReport.Ms(bareMedian), MarkdownReport.Ms(bare.Min()), MarkdownReport.Ms(bare.Max())],
                ["Ratio Server / bare", MarkdownReport.Number(serverMedian / bareMedian, "0.00"), string.Empty, string.Empty],
            ])
            .WriteAsync(options.Results, "startup.md");
    }

    private static async Task<TimeSpan> TimeAsync(Func<(ChildProcess Process, Uri Url)> start)
    {
        var (process, url) = start();
        await using var _ = process;
        return await process.WaitForOkAsync(new Uri(url, "/api/health"), TimeSpan.FromSeconds(60));
    }

    private (ChildProcess, Uri) StartBareApp()
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var dll = Path.Combine(stack.Root, "bench", "BareApp", "bin", "Release", "net10.0", "BareApp.dll");
        return (ChildProcess.Start("dotnet", [dll, "--urls", url.ToString()], new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }), url);
    }

    private static TimeSpan Median(List<TimeSpan> values) => values.Order().ElementAt(values.Count / 2);
}
