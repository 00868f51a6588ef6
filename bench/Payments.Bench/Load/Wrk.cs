using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Payments.Bench.Workloads;

namespace Payments.Bench.Load;

/// <summary>Runs wrk (from apt) with <c>bench/wrk/replay.lua</c> over a file of prepared requests.</summary>
public sealed class Wrk(string root)
{
    public async Task<LoadResult> RunAsync(Uri server, IReadOnlyList<Request> requests, int concurrency, TimeSpan duration, int expectedStatus, string? expectedBody, string? functionKey)
    {
        var file = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.tsv");
        await File.WriteAllLinesAsync(file, requests.Select(r => r.Path + "\t" + r.Body));
        try
        {
            var threads = Math.Min(concurrency, 2);
            var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
            {
                "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", concurrency.ToString(CultureInfo.InvariantCulture),
                "-d", $"{(int)duration.TotalSeconds}s", "--timeout", "10s", "-s", Path.Combine(root, "bench", "wrk", "replay.lua"), server.ToString(),
                "--", file, threads.ToString(CultureInfo.InvariantCulture), expectedStatus.ToString(CultureInfo.InvariantCulture), expectedBody ?? "-", functionKey ?? string.Empty,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("WRK-RESULT ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"wrk printed no result (exit {process.ExitCode}): {output} {errors}");
            var json = JsonDocument.Parse(line["WRK-RESULT ".Length..]).RootElement;
            long Field(string name) => json.GetProperty(name).GetInt64();
            return new LoadResult(concurrency, Field("requests"), TimeSpan.FromMicroseconds(Field("durationUs")), TimeSpan.FromMicroseconds(Field("p50Us")),
                TimeSpan.FromMicroseconds(Field("p99Us")), Field("socketErrors") + Field("unacknowledged"), Field("wrapped"), json.GetProperty("statuses").GetString() ?? string.Empty);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
