using Payments.Bench;
using Payments.Bench.Infrastructure;
using Payments.Bench.Scenarios;
using Payments.Bench.Signatures;

var root = Path.GetFullPath(args.SkipWhile(a => a != "--root").Skip(1).FirstOrDefault() ?? Directory.GetCurrentDirectory());
var maxOrders = args.SkipWhile(a => a != "--max-orders").Skip(1).FirstOrDefault() is { } max ? int.Parse(max, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
var options = new BenchOptions(root, Path.Combine(root, "bench", "results"), args.Contains("--quick"), maxOrders, args.Contains("--shared"));
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();

if (args.FirstOrDefault() == "signatures")
{
    await SignatureBenchmarks.RunAsync(options);
    await VaultSigningBench.RunAsync(options);
    return;
}

if (args.FirstOrDefault() == "vault-signing")
{
    await VaultSigningBench.RunAsync(options);
    return;
}

await using var stack = await BenchSystem.StartAsync(root);
if (only is null or "endpoints")
{
    await new EndpointLoad(stack, options).RunAsync();
}

if (only is null or "polling")
{
    await new PollCycle(stack, options).RunAsync();
}

if (only is null or "requests")
{
    await new StorageRequests(stack, options).RunAsync();
}

if (only is null or "reconciliation")
{
    await new ReconciliationCost(stack, options).RunAsync();
}

if (only is null or "startup")
{
    await new StartupTime(stack, options).RunAsync();
}

if (only is null or "memory")
{
    await new MemoryGrowth(stack, options).RunAsync();
}
