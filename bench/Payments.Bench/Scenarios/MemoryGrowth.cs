using System.Text;
using Payments.Bench.Infrastructure;
using Payments.Bench.Reporting;
using Payments.Bench.Workloads;

namespace Payments.Bench.Scenarios;

/// <summary>The Server process's resident memory after a warm-up, then after 5,000 and 50,000 callbacks, each for its own order.</summary>
public sealed class MemoryGrowth(BenchSystem stack, BenchOptions options)
{
    private const string Prefix = "memory";
    private const int WarmUp = 500;
    private const int Concurrency = 16;

    public async Task RunAsync()
    {
        var marks = options.MemoryMarks;
        await using var operatorApp = await stack.StartOperatorAsync(Prefix, TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, WarmUp + marks[^1]).Select(i => $"mem-{i}").ToList();
        await Seeder.SeedAsync(operatorApp.Services, ids.Select(id => Seeder.Frame(id, now)), CancellationToken.None);
        var (server, url) = await stack.StartServerAsync(Prefix);
        await using var _ = server;
        using var http = new HttpClient { BaseAddress = url };

        await SendAsync(http, ids[..WarmUp]);
        var rows = new List<IReadOnlyList<string>> { Row("after start-up and 500 warm-up callbacks", server.ResidentMiB()) };
        var sent = 0;
        foreach (var mark in marks)
        {
            await SendAsync(http, ids.Skip(WarmUp + sent).Take(mark - sent).ToList());
            sent = mark;
            rows.Add(Row($"after {mark:N0} more callbacks", server.ResidentMiB()));
            Console.WriteLine($"memory after {mark} callbacks: {server.ResidentMiB():0} MiB");
        }

        await new MarkdownReport("Memory: the Server process after many callbacks")
            .Note($"One Server process (Production settings, the .NET defaults for an ASP.NET Core app: Server GC) receives HUAWEIPIN callbacks for distinct "
                + $"seeded orders, {Concurrency} at a time; its resident set (VmRSS) is read after each mark. Growth that tracked the number of callbacks would "
                + "mean something is kept per order; a plateau is the GC's working set.")
            .Table(["When", "Resident memory"], rows)
            .WriteAsync(options.Results, "memory.md");
    }

    private static IReadOnlyList<string> Row(string when, double mib) => [when, MarkdownReport.Number(mib, "0") + " MiB"];

    private static async Task SendAsync(HttpClient http, IReadOnlyList<string> ids) =>
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (id, ct) =>
        {
            var callback = Messages.Callback(id);
            using var content = new StringContent(callback.Body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(callback.Path, content, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (body != "OK")
            {
                throw new InvalidOperationException($"Callback for {id} answered {(int)response.StatusCode} {body}.");
            }
        });
}
