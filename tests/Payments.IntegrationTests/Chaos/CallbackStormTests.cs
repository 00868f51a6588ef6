using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Audit;
using Payments.Core.HaiPay;
using Payments.Core.HuaweiPin;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;
using Payments.IntegrationTests.HuaweiPin;

namespace Payments.IntegrationTests.Chaos;

/// <summary>
/// 10,000 provider deliveries over 300 real orders (200 HUAWEIPIN frames, 100 HaiPay collections, created through
/// the API and the sandbox), in random order: every order's genuine verdict, sequential duplicates of it, bursts of
/// 10 identical copies sent at once (10 % of all deliveries), and forgeries (5 %: wrong hash, wrong callback key,
/// wrong RSA key, tampered amount, or a forged opposite verdict). The test plays the providers so it knows the truth.
/// With a few hundred orders most deliveries are necessarily repeats: about 3 % are first deliveries.
/// </summary>
public sealed class CallbackStormTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const int Deliveries = 10_000;
    private const int Frames = 200;
    private const int Collections = 100;
    private const int BurstSize = 10;

    [Fact]
    public async Task Storm_DuplicatesBurstsAndForgeriesInRandomOrder_FinalCountsEqualTruthNoForgeryNoRegression()
    {
        var random = new Random(20261122);
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var truth = await CreateOrdersAsync(system, random);
        var plan = Plan(truth, random);

        var answers = new ConcurrentBag<(Delivery Delivery, int Status, string Body)>();
        using var client = system.Server.CreateAnonymousClient();
        await Parallel.ForEachAsync(plan, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (batch, ct) =>
        {
            var sent = await Task.WhenAll(
                batch.Select(async delivery =>
                {
                    using var content = new StringContent(delivery.Body, Encoding.UTF8, "application/json");
                    var response = await client.PostAsync(delivery.Path, content, ct);
                    return (delivery, (int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
                })
            );
            foreach (var answer in sent)
            {
                answers.Add(answer);
            }
        });

        Assert.Equal(Deliveries, answers.Count);
        Assert.DoesNotContain(answers, a => a.Status >= 500);
        Assert.All(answers.Where(a => a.Delivery.Forged), a => Assert.Equal(401, a.Status));
        Assert.All(answers.Where(a => !a.Delivery.Forged), a =>
            Assert.Equal((200, a.Delivery.Ack), (a.Status, a.Body))
        );

        var repository = system.Server.Services.GetRequiredService<IOrderRepository>();
        var audit = system.Server.Services.GetRequiredService<IAuditLog>();
        var final = new Dictionary<string, OrderStatus>();
        foreach (var (orderId, expected) in truth)
        {
            var order = (await repository.FindAsync(orderId, default))!.Value;
            final[orderId] = order.Status;
            var applied = await audit
                .ListAsync(orderId, default, default)
                .CountAsync(r => r.Kind == AuditKinds.CallbackApplied);
            Assert.True(applied == 1, $"{orderId}: {applied} applied verdicts (a second would be a regression)");
            Assert.Equal(expected.Amount, order.Amount);
        }

        Assert.Equal(Count(truth.Values.Select(t => t.Status)), Count(final.Values));
        Assert.Equal(truth.ToDictionary(t => t.Key, t => t.Value.Status), final);
    }

    private static Dictionary<OrderStatus, int> Count(IEnumerable<OrderStatus> statuses) =>
        statuses.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());

    private static async Task<
        Dictionary<string, (OrderStatus Status, decimal Amount, PaymentProvider Provider)>
    > CreateOrdersAsync(PaymentsSystem system, Random random)
    {
        var truth = new ConcurrentDictionary<string, (OrderStatus, decimal, PaymentProvider)>();
        var outcomes = Enumerable
            .Range(0, Frames + Collections)
            .Select(_ => random.Next(3) == 0 ? OrderStatus.Failed : OrderStatus.Succeeded)
            .ToArray();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, Frames + Collections),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) =>
            {
                if (i < Frames)
                {
                    var id = $"storm-hp-{i:D3}";
                    await FrameFlow.CreatedIframeUrlAsync(system, id);
                    truth[id] = (outcomes[i], 10m + i, PaymentProvider.HuaweiPin);
                }
                else
                {
                    var id = $"storm-hpy-{i:D3}";
                    await CollectionFlow.CreatedPayUrlAsync(system, id, "12.50");
                    truth[id] = (outcomes[i], 12.50m, PaymentProvider.HaiPay);
                }
            }
        );
        return new(truth);
    }

    /// <summary>Batches to send: one delivery each, or a burst of identical copies sent at the same moment.</summary>
    private static List<Delivery[]> Plan(
        Dictionary<string, (OrderStatus Status, decimal Amount, PaymentProvider Provider)> truth,
        Random random
    )
    {
        var genuine = truth.ToDictionary(
            t => t.Key,
            t => ProviderMessages.Genuine(t.Key, t.Value.Status, t.Value.Amount, t.Value.Provider)
        );
        var ids = truth.Keys.ToArray();
        var batches = ids.Select(id => new[] { genuine[id] }).ToList();
        const int forged = Deliveries * 5 / 100;
        const int bursts = Deliveries * 10 / 100 / BurstSize;
        for (var i = 0; i < forged; i++)
        {
            var id = ids[random.Next(ids.Length)];
            var (status, amount, provider) = truth[id];
            batches.Add([Forged(id, status, amount, provider, i % 5)]);
        }

        for (var i = 0; i < bursts; i++)
        {
            var copy = genuine[ids[random.Next(ids.Length)]];
            batches.Add([.. Enumerable.Repeat(copy, BurstSize)]);
        }

        while (batches.Sum(b => b.Length) < Deliveries)
        {
            batches.Add([genuine[ids[random.Next(ids.Length)]]]);
        }

        return [.. batches.OrderBy(_ => random.Next())];
    }

    /// <summary>Five kinds of forgery, each also trying the opposite verdict where it can.</summary>
    private static Delivery Forged(string id, OrderStatus status, decimal amount, PaymentProvider provider, int kind)
    {
        var opposite = status == OrderStatus.Succeeded ? OrderStatus.Failed : OrderStatus.Succeeded;
        if (provider == PaymentProvider.HuaweiPin)
        {
            return kind switch
            {
                0 => ProviderMessages.HuaweiPin(
                    id,
                    opposite,
                    amount,
                    PaymentsSystem.CallbackKey,
                    "0000" + HuaweiPinHash.Compute(id, ProviderMessages.Amount(amount), PaymentsSystem.CallbackKey)[4..]
                ),
                1 => ProviderMessages.HuaweiPin(id, opposite, amount, PaymentsSystem.CallbackKey + "x", null),
                2 => ProviderMessages.HuaweiPin(
                    id,
                    status,
                    amount + 1,
                    PaymentsSystem.CallbackKey,
                    HuaweiPinHash.Compute(id, ProviderMessages.Amount(amount), PaymentsSystem.CallbackKey)
                ),
                _ => ProviderMessages.HuaweiPin(
                    id,
                    opposite,
                    amount,
                    "guessed-key",
                    HuaweiPinHash.Compute(id, ProviderMessages.Amount(amount), "guessed-key")
                ),
            } with
            {
                Forged = true,
            };
        }

        using var forger = System.Security.Cryptography.RSA.Create(2048);
        return (
            kind % 2 == 0
                ? ProviderMessages.HaiPay(id, opposite, amount, forger, tamper: false)
                : ProviderMessages.HaiPay(
                    id,
                    status,
                    amount,
                    HaiPayKeys.PrivateKey(PaymentsSystem.HaiPayKeys.PlatformPrivate),
                    tamper: true
                )
        ) with
        {
            Forged = true,
        };
    }
}
