using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;
using Payments.IntegrationTests.HuaweiPin;

namespace Payments.IntegrationTests.Chaos;

/// <summary>
/// Storage is unreachable for 10 s (the line to Azurite cut) while providers keep delivering (the test plays them,
/// retrying until acknowledged): during the outage nothing is acknowledged, afterwards every verdict is recorded
/// exactly as sent.
/// </summary>
public sealed class StorageOutageTests
{
    private const int OrdersPerProvider = 20;

    [Fact]
    public async Task Deliveries_AzuriteStopped10Seconds_503MeanwhileNothingLostAfter()
    {
        var storage = new AzuriteFixture();
        await storage.InitializeAsync();
        await using var line = StorageCutProxy.Start(storage.Port);
        try
        {
            await using var system = await PaymentsSystem.StartAsync(
                storage,
                new Dictionary<string, string?>
                {
                    ["PaymentsStorage:ConnectionString"] = line.ConnectionString(storage),
                }
            );
            var truth = await CreateOrdersAsync(system);
            var pending = new ConcurrentDictionary<string, Delivery>(
                truth.ToDictionary(
                    t => t.Key,
                    t => ProviderMessages.Genuine(t.Key, t.Value.Status, t.Value.Amount, t.Value.Provider)
                )
            );
            var answers = new ConcurrentBag<(DateTime Sent, DateTime At, int Status, string Body)>();
            using var client = system.Server.CreateAnonymousClient();
            var outage = (Start: DateTime.MaxValue, End: DateTime.MaxValue);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(180));

            var providers = Task.Run(async () =>
            {
                while (!pending.IsEmpty && !stop.IsCancellationRequested)
                {
                    await Parallel.ForEachAsync(
                        pending.ToArray(),
                        new ParallelOptions { MaxDegreeOfParallelism = 4 },
                        async (entry, ct) =>
                        {
                            using var content = new StringContent(entry.Value.Body, Encoding.UTF8, "application/json");
                            var sent = DateTime.UtcNow;
                            var response = await client.PostAsync(entry.Value.Path, content, ct);
                            var body = await response.Content.ReadAsStringAsync(ct);
                            answers.Add((sent, DateTime.UtcNow, (int)response.StatusCode, body));
                            if (body == entry.Value.Ack && DateTime.UtcNow > outage.Start)
                            {
                                pending.TryRemove(entry.Key, out _);
                            }
                        }
                    );
                    await Task.Delay(200);
                }
            });
            await Task.Delay(TimeSpan.FromSeconds(1));
            outage.Start = DateTime.UtcNow;
            line.Cut();
            await Task.Delay(TimeSpan.FromSeconds(10));
            outage.End = DateTime.UtcNow;
            line.Restore();
            await providers;

            Assert.True(
                pending.IsEmpty,
                string.Join(
                    ", ",
                    answers
                        .Where(a => a.At > outage.End)
                        .GroupBy(a => $"{a.Status} {a.Body}")
                        .Select(g => $"{g.Count()}× {g.Key}")
                )
                    + string.Join(
                        "\n",
                        system
                            .Server.Logs.Lines()
                            .Where(l =>
                                l.Contains("navailable", StringComparison.Ordinal)
                                || l.Contains("rror", StringComparison.Ordinal)
                            )
                            .TakeLast(5)
                    )
            );
            // Sent and answered within the outage: a request sent before the cut may be answered after it, however
            // late.
            var during = answers.Where(a => a.Sent > outage.Start.AddMilliseconds(500) && a.At < outage.End).ToList();
            Assert.NotEmpty(during);
            Assert.All(during, a =>
                Assert.True(
                    a.Status >= 500 && a.Body is not ("OK" or "SUCCESS"),
                    $"during the outage: {a.Status} {a.Body}"
                )
            );
            Assert.Contains(answers, a => a.At > outage.End && a.Body is "OK" or "SUCCESS");
            var repository = system.Server.Services.GetRequiredService<IOrderRepository>();
            foreach (var (orderId, expected) in truth)
            {
                var order = (await repository.FindAsync(orderId, default))!.Value;
                Assert.Equal((expected.Status, expected.Amount), (order.Status, order.Amount));
            }
        }
        finally
        {
            await storage.DisposeAsync();
        }
    }

    private static async Task<
        Dictionary<string, (OrderStatus Status, decimal Amount, PaymentProvider Provider)>
    > CreateOrdersAsync(PaymentsSystem system)
    {
        var truth = new Dictionary<string, (OrderStatus, decimal, PaymentProvider)>();
        for (var i = 0; i < OrdersPerProvider; i++)
        {
            var status = i % 3 == 0 ? OrderStatus.Failed : OrderStatus.Succeeded;
            await FrameFlow.CreatedIframeUrlAsync(system, $"outage-hp-{i}");
            truth[$"outage-hp-{i}"] = (status, 20m + i, PaymentProvider.HuaweiPin);
            await CollectionFlow.CreatedPayUrlAsync(system, $"outage-hpy-{i}", "12.50");
            truth[$"outage-hpy-{i}"] = (status, 12.50m, PaymentProvider.HaiPay);
        }

        return truth;
    }
}
