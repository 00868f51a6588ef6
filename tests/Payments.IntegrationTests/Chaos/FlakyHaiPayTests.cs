using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;
using Xunit.Abstractions;

namespace Payments.IntegrationTests.Chaos;

/// <summary>
/// HaiPay fails one call in five at random (a 500, a reply later than our timeout, or an apply lost before it was
/// recorded) and sends no notifications: the background poller alone must bring every collection and refund to the
/// state HaiPay really holds, without ever moving a final state.
/// </summary>
public sealed class FlakyHaiPayTests(SharedAzurite azurite, ITestOutputHelper output) : IClassFixture<SharedAzurite>
{
    private const int Collections = 60;
    private static readonly string[] Outcomes = ["success", "failed", "partial"];
    private static readonly string[] FinalStates = ["Succeeded", "Failed", "Rejected", "NeedsReview", "Expired"];

    [Fact]
    public async Task Polling_HaiPayFailsOneCallInFive_EveryOrderReachesItsTrueFinalState()
    {
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["HaiPayPollSchedule"] = "*/1 * * * * *",
                ["HaiPay:PollConcurrency"] = "8",
                ["HaiPay:AbsentGrace"] = "00:00:05",
                ["HaiPay:Checks:First"] = "00:00:01",
                ["HaiPay:Checks:Quick"] = "00:00:01",
                ["HaiPay:Checks:QuickCount"] = "1000",
                ["HaiPay:Checks:Slow"] = "00:00:01",
                ["HaiPay:Checks:GiveUpAfter"] = "00:10:00",
            }
        );
        await system.SetHaiPayFaultsAsync(
            new
            {
                notifications = false,
                failureRate = 0.2,
                slowReply = "00:00:03",
            }
        );
        var watch = new StatusWatch(system);

        var collections = await CreateCollectionsAsync(system);
        var truth = await PayAsync(system, collections);
        await watch.UntilFinalAsync(truth, TimeSpan.FromSeconds(90));
        var refunds = await RefundAsync(system, truth.Where(t => t.Value == "Succeeded").Select(t => t.Key).Take(20));
        await watch.UntilFinalAsync(refunds, TimeSpan.FromSeconds(90));

        var injected = await system.HaiPayInjectedFailuresAsync();
        output.WriteLine(
            $"{injected} HaiPay calls failed; creates answered "
                + $"{string.Join(", ", collections.Values.CountBy(s => s))}; truth "
                + $"{string.Join(", ", truth.Concat(refunds).CountBy(t => t.Value))}"
        );
        Assert.True(injected >= 20, "the sandbox failed too few calls to prove anything");
        Assert.Contains(collections.Values, status => status != HttpStatusCode.Created);
        Assert.Equal(
            truth.Concat(refunds).OrderBy(t => t.Key),
            watch.Latest.Where(l => truth.ContainsKey(l.Key) || refunds.ContainsKey(l.Key)).OrderBy(l => l.Key)
        );
        Assert.Empty(watch.Regressions);
    }

    private static async Task<Dictionary<string, HttpStatusCode>> CreateCollectionsAsync(PaymentsSystem system)
    {
        var answers = new ConcurrentDictionary<string, HttpStatusCode>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, Collections),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) =>
            {
                var id = $"flaky-{i:D3}";
                var amount = (10 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".25";
                answers[id] = (await CollectionFlow.CreateAsync(system, CollectionFlow.Request(id, amount))).StatusCode;
            }
        );
        return new Dictionary<string, HttpStatusCode>(answers);
    }

    /// <summary>
    /// The customer pays each collection whose 3-D Secure page reached the merchant. One HaiPay received but whose page
    /// was lost cannot be paid and goes to a person (pay-url-unknown); so does one HaiPay lost (its "no record" is no
    /// proof).
    /// </summary>
    private static async Task<Dictionary<string, string>> PayAsync(
        PaymentsSystem system,
        Dictionary<string, HttpStatusCode> collections
    )
    {
        var truth = new Dictionary<string, string>();
        foreach (var (id, i) in collections.Keys.Order().Select((id, i) => (id, i)))
        {
            if (await system.SandboxPaymentAsync(id) is not { } atHaiPay || collections[id] != HttpStatusCode.Created)
            {
                truth[id] = "NeedsReview";
                continue;
            }

            var outcome = Outcomes[i % Outcomes.Length];
            await CollectionFlow.CompleteAsync(
                $"{system.Sandbox.BaseAddress}haipay/pay/{atHaiPay.GetProperty("orderNo").GetString()}",
                outcome
            );
            truth[id] = outcome switch
            {
                "success" => "Succeeded",
                "failed" => "Failed",
                _ => "NeedsReview",
            };
        }

        return truth;
    }

    /// <summary>
    /// Refunds some succeeded collections; a refund HaiPay received succeeds, one it lost goes to a person (never
    /// replaced blindly).
    /// </summary>
    private static async Task<Dictionary<string, string>> RefundAsync(
        PaymentsSystem system,
        IEnumerable<string> collectionIds
    )
    {
        var truth = new Dictionary<string, string>();
        foreach (var collectionId in collectionIds)
        {
            var refundId = $"{collectionId}-refund";
            var answer = await CollectionFlow.RefundAsync(system, collectionId, new { refundId });
            Assert.True(
                answer.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadGateway,
                $"{refundId}: {answer.StatusCode}"
            );
            truth[refundId] = await system.SandboxHasRefundAsync(refundId) ? "Succeeded" : "NeedsReview";
        }

        return truth;
    }

    /// <summary>
    /// Reads every watched order through the merchant API, remembering the last status and any final one that moved.
    /// </summary>
    private sealed class StatusWatch(PaymentsSystem system)
    {
        private readonly ConcurrentDictionary<string, string> latest = new(StringComparer.Ordinal);

        public Dictionary<string, string> Latest => new(latest);

        public ConcurrentBag<string> Regressions { get; } = [];

        public async Task UntilFinalAsync(IReadOnlyDictionary<string, string> orders, TimeSpan limit)
        {
            using var client = system.Server.CreateMerchantClient();
            var deadline = DateTime.UtcNow + limit;
            while (
                DateTime.UtcNow < deadline
                && orders.Keys.Any(id =>
                    !latest.TryGetValue(id, out var s) || !FinalStates.Contains(s) || s != orders[id]
                )
            )
            {
                await Parallel.ForEachAsync(
                    orders.Keys,
                    new ParallelOptions { MaxDegreeOfParallelism = 8 },
                    async (id, ct) =>
                    {
                        var status = (await client.GetFromJsonAsync<JsonElement>($"/api/orders/{id}", ct))
                            .GetProperty("status")
                            .GetString()!;
                        var before = latest.GetValueOrDefault(id);
                        if (before is not null && FinalStates.Contains(before) && before != status)
                        {
                            Regressions.Add($"{id}: {before} -> {status}");
                        }

                        latest[id] = status;
                    }
                );
                await Task.Delay(500);
            }
        }
    }
}
