using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;

namespace Payments.IntegrationTests.Telemetry;

/// <summary>
/// A forged HaiPay notification makes the service query HaiPay inline. With the Server's OpenTelemetry on (ASP.NET Core
/// and HttpClient instrumentation, whose propagator carries OpenTelemetry's own baggage), that query must carry neither
/// the anonymous caller's <c>baggage</c> nor its trace id.
/// </summary>
[Collection(SerialGroup.Name)]
public sealed class CallbackBaggageTests(SharedAzurite azurite)
{
    private const string AttackerTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    [Fact]
    public async Task ForgedNotify_CallerBaggageAndOpenTelemetryOn_ProviderQueryCarriesNeither()
    {
        var sent = new ConcurrentQueue<HttpRequestMessage>();
        using var observer = OutgoingRequests.Observe(sent.Enqueue);
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?> { ["HaiPayPollSchedule"] = "0 0 0 1 1 *", ["Telemetry:Console"] = "true" }
        );
        const string orderId = "r2-baggage-query";
        await system.SetHaiPayFaultsAsync(new { notifications = false });
        await CollectionFlow.CreatedPayUrlAsync(system, orderId);

        using var client = system.Server.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/haipay/notify")
        {
            Content = new StringContent(
                $$"""{"appId":1054,"currency":"USD","orderId":"{{orderId}}","orderNo":"6021","amount":"12.50","status":2,"sign":"AAAA"}""",
                Encoding.UTF8,
                "application/json"
            ),
        };
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{AttackerTraceId}-b7ad6b7169203331-01");
        request.Headers.TryAddWithoutValidation("baggage", "attacker=injected");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        Assert.Equal(1, (await system.SandboxPaymentAsync(orderId))!.Value.GetProperty("queries").GetInt32());
        var queries = sent.Where(r =>
                r.RequestUri?.Port == system.Sandbox.BaseAddress.Port
                && r.RequestUri.AbsolutePath.StartsWith("/haipay/", StringComparison.Ordinal)
                && r.Headers.Contains("traceparent")
            )
            .ToList();
        Assert.NotEmpty(queries);
        Assert.All(queries, q =>
        {
            Assert.DoesNotContain(
                "attacker",
                string.Join(",", q.Headers.TryGetValues("baggage", out var baggage) ? baggage : []),
                StringComparison.Ordinal
            );
            Assert.DoesNotContain(
                AttackerTraceId,
                string.Join(",", q.Headers.GetValues("traceparent")),
                StringComparison.Ordinal
            );
        });
    }

    /// <summary>Every outgoing HttpClient request, as sent (after the propagators wrote their headers).</summary>
    private sealed class OutgoingRequests(Action<HttpRequestMessage> onSent)
        : IObserver<DiagnosticListener>,
            IObserver<KeyValuePair<string, object?>>,
            IDisposable
    {
        private readonly List<IDisposable> subscriptions = [];

        public static OutgoingRequests Observe(Action<HttpRequestMessage> onSent)
        {
            var observer = new OutgoingRequests(onSent);
            observer.subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(observer));
            return observer;
        }

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "HttpHandlerDiagnosticListener")
            {
                lock (subscriptions)
                {
                    subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (
                value.Key == "System.Net.Http.HttpRequestOut.Stop"
                && value.Value?.GetType().GetProperty("Request")?.GetValue(value.Value) is HttpRequestMessage request
            )
            {
                onSent(request);
            }
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (subscriptions)
            {
                subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
