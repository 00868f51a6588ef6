using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Payments.Azure;
using Payments.Azure.Orders;
using Payments.Azure.Tables;
using Payments.Core.Orders;
using Payments.Core.Text;

namespace Payments.Bench.Workloads;

/// <summary>
/// Writes open orders exactly as the create endpoints leave them, through the service's own order repository, but over a
/// table client of the seeder's own: patient (<see cref="Timeout"/>) where the service's client gives a call 10 s, 5 s a try.
/// Azurite checks each insert against every order row (they share the RowKey <c>order</c>), so an insert into a table
/// of tens of thousands of orders, queued behind others, outlasts the service's timeout and aborted the 100,000-order
/// seeding; the Server being measured keeps its real settings, and its requests alone go through its client.
/// </summary>
/// <remarks>
/// No entity-group transactions: each order is its own partition (a transaction holds one partition), and the due-index
/// rows beside them cost Azurite little. A retried insert whose first try had landed is recognised by the repository
/// (its InsertId), so retries cannot fail the seeding with "already exists".
/// </remarks>
public static class Seeder
{
    /// <summary>Inserts in flight: Azurite serves one at a time, so more only lengthen the queue each waits in.</summary>
    private const int Concurrency = 16;

    /// <summary>Longest wait for one seeding call, its retries included (each try may wait half of it).</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>A HUAWEIPIN frame whose iframe was handed out, awaiting its callback.</summary>
    public static PaymentOrder Frame(string id, DateTimeOffset now) =>
        PaymentOrder.Create(new NewOrder(id, PaymentProvider.HuaweiPin, "bench", now + TimeSpan.FromMinutes(30), CustomerReference: "bench", CustomerIp: "203.0.113.7"), now)
            .Accept("token-" + id, Link("https://pay.example/frame/" + id), now + TimeSpan.FromMinutes(30), now).Order;

    /// <summary>A HaiPay collection accepted by HaiPay, next checked at <paramref name="nextCheckAt"/>.</summary>
    public static PaymentOrder Collection(string id, DateTimeOffset now, DateTimeOffset nextCheckAt) =>
        PaymentOrder.Create(new NewOrder(id, PaymentProvider.HaiPay, "bench", nextCheckAt, Messages.CollectionAmount, "USD", "bench", "203.0.113.7", "5556"), now)
            .Accept(Messages.OrderNo(id), Link("https://pay.example/haipay/" + id), nextCheckAt, now).Order;

    /// <summary>Adds <paramref name="orders"/> to the tables of the Server whose <paramref name="services"/> these are.</summary>
    public static async Task SeedAsync(IServiceProvider services, IEnumerable<PaymentOrder> orders, CancellationToken cancellationToken)
    {
        var repository = Repository(services);
        var (added, clock) = (0, System.Diagnostics.Stopwatch.StartNew());
        await Parallel.ForEachAsync(orders, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (order, ct) =>
        {
            if (!(await repository.AddAsync(order, ct)).Added)
            {
                throw new InvalidOperationException($"Order {order.Id} already existed: the bench reuses ids.");
            }

            var count = Interlocked.Increment(ref added);
            if (count % 10_000 == 0)
            {
                Console.WriteLine($"  seeded {count:N0} orders in {clock.Elapsed.TotalSeconds:0} s");
            }
        });
    }

    /// <summary>The service's repository on the Server's tables (same account, same prefix) through the seeder's patient client.</summary>
    private static TableOrderRepository Repository(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var client = StorageClient.Create(options, services.GetRequiredService<TokenCredential>, StorageClient.Options(Timeout));
        return new TableOrderRepository(new PaymentTables(client, options.TablePrefix, Timeout), NullLogger<TableOrderRepository>.Instance);
    }

    private static CustomerLink? Link(string url) => CustomerLink.From(url, new CustomerLinkOptions());
}
