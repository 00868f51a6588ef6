using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Orders;

namespace Payments.Bench.Workloads;

/// <summary>Writes open orders exactly as the create endpoints leave them, through the service's own order repository.</summary>
public static class Seeder
{
    private const int Concurrency = 32;

    /// <summary>A HUAWEIPIN frame whose iframe was handed out, awaiting its callback.</summary>
    public static PaymentOrder Frame(string id, DateTimeOffset now) =>
        PaymentOrder.Create(new NewOrder(id, PaymentProvider.HuaweiPin, "bench", now + TimeSpan.FromMinutes(30), CustomerReference: "bench", CustomerIp: "203.0.113.7"), now)
            .Accept("token-" + id, "https://pay.example/frame/" + id, now + TimeSpan.FromMinutes(30), now).Order;

    /// <summary>A HaiPay collection accepted by HaiPay, next checked at <paramref name="nextCheckAt"/>.</summary>
    public static PaymentOrder Collection(string id, DateTimeOffset now, DateTimeOffset nextCheckAt) =>
        PaymentOrder.Create(new NewOrder(id, PaymentProvider.HaiPay, "bench", nextCheckAt, Messages.CollectionAmount, "USD", "bench", "203.0.113.7", "5556"), now)
            .Accept(Messages.OrderNo(id), "https://pay.example/haipay/" + id, nextCheckAt, now).Order;

    public static async Task SeedAsync(IServiceProvider services, IEnumerable<PaymentOrder> orders, CancellationToken cancellationToken)
    {
        var repository = services.GetRequiredService<IOrderRepository>();
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
}
