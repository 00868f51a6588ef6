using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Payments.Azure.Tables;
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
    private const int Batch = 2_500;

    public async Task RunAsync()
    {
        var marks = options.MemoryMarks;
        await using var operatorApp = await stack.StartOperatorAsync(Prefix, TimeProvider.System);
        var (server, url) = await stack.StartServerAsync(Prefix);
        await using var _ = server;
        using var http = new HttpClient { BaseAddress = url };

        await SendAsync(http, await SeedAsync(operatorApp.Services, 0, WarmUp));
        var rows = new List<IReadOnlyList<string>> { Row($"after start-up and {WarmUp} warm-up callbacks", server.ResidentMiB()) };
        var sent = 0;
        foreach (var mark in marks)
        {
            for (; sent < mark; sent += Batch)
            {
                var ids = await SeedAsync(operatorApp.Services, WarmUp + sent, Math.Min(Batch, mark - sent));
                await SendAsync(http, ids);
                await ForgetAsync(operatorApp.Services, ids);
            }

            rows.Add(Row($"after {mark:N0} more callbacks", server.ResidentMiB()));
            Console.WriteLine($"memory after {mark} callbacks: {server.ResidentMiB():0} MiB");
        }

        await new MarkdownReport("Memory: the Server process after many callbacks")
            .Note($"One Server process (Production settings, the .NET defaults for an ASP.NET Core app: Server GC) receives HUAWEIPIN callbacks for distinct "
                + $"seeded orders, {Concurrency} at a time; its resident set (VmRSS) is read after each mark. Growth that tracked the number of callbacks would "
                + "mean something is kept per order; a plateau is the GC's working set. Orders are seeded and, once called back, deleted in batches of "
                + $"{Batch:N0} by the bench (Azurite slows down as a table grows; the Server keeps nothing of an order between requests either way).")
            .Table(["When", "Resident memory"], rows)
            .WriteAsync(options.Results, "memory.md");
    }

    private static async Task<List<string>> SeedAsync(IServiceProvider services, int first, int count)
    {
        var now = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(first, count).Select(i => $"mem-{i}").ToList();
        await Seeder.SeedAsync(services, ids.Select(id => Seeder.Frame(id, now)), CancellationToken.None);
        return ids;
    }

    private static async Task ForgetAsync(IServiceProvider services, IReadOnlyList<string> ids)
    {
        var orders = services.GetRequiredService<PaymentTables>().Orders;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (id, ct) =>
            await orders.DeleteAsync(TableKeys.Encode(id), "order", "*", ct));
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
