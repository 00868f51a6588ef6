using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Core.HaiPay;
using Payments.Core.Secrets;
using Payments.Core.Telemetry;

namespace Payments.Core.Tests.HaiPay;

/// <summary>
/// HaiPay's error envelope is provider text from end to end: <c>msg</c> is redacted (ProviderText), and so must be
/// <c>error</c>, which HaiPay writes too and which reaches the merchant's 502, the order's lastError, the operators'
/// answers and the logs. A gateway echoing the card number into it must leave at most the last four anywhere.
/// </summary>
public sealed class HaiPayClientRefusalTextTests
{
    private const string Card = "4000056655665556";

    [Theory]
    [InlineData("{\"status\":\"0\",\"error\":\"" + Card + "\",\"msg\":\"param error\"}")]
    [InlineData("{\"status\":\"0\",\"error\":\"4001 accountNo 4000 0566 5566 5556\",\"msg\":\"param error\"}")]
    [InlineData("{\"status\":\"0\",\"error\":4000056655665556,\"msg\":\"param error\"}")]
    public async Task QueryCollection_ErrorEnvelopeWhoseErrorCodeEchoesTheCardNumber_NeitherTheReplyNorTheLogsKeepIt(
        string reply
    )
    {
        var logs = new ListLogger();
        using var http = new HttpClient(new Canned(reply));
        var client = new HaiPayClient(
            http,
            Credentials(),
            new LocalKeySigner(new Secrets()),
            Options(),
            logs,
            NoPaymentsMetrics.Instance
        );

        var answer = await client.QueryCollectionAsync("USD", "leak-1", null, default);

        var refused = Assert.IsType<HaiPayReply.Refused>(answer);
        var digits = (string text) => new string(text.Where(char.IsAsciiDigit).ToArray());
        Assert.DoesNotContain(Card, digits(refused.Error), StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, line => digits(line).Contains(Card, StringComparison.Ordinal));
    }

    private static HaiPayCredentials Credentials() => new(new Secrets(), Options());

    private static Monitor Options()
    {
        var options = new HaiPayOptions
        {
            BaseUrl = new Uri("https://haipay.test"),
            NotifyUrl = new Uri("https://merchant.test/api/haipay/notify"),
        };
        options.Accounts["USD"] = new HaiPayAccount { AppId = 1054 };
        return new Monitor(options);
    }

    private sealed class Monitor(HaiPayOptions value) : IOptionsMonitor<HaiPayOptions>
    {
        public HaiPayOptions CurrentValue => value;

        public HaiPayOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<HaiPayOptions, string?> listener) => null;
    }

    private sealed class Secrets : ISecretStore
    {
        public ValueTask<string> GetAsync(string name, CancellationToken cancellationToken) =>
            ValueTask.FromResult(
                name.EndsWith("PrivateKey", StringComparison.Ordinal) ? TestKeys.Bare("merchant-pkcs8.pem")
                : name.EndsWith("PlatformPublicKey", StringComparison.Ordinal) ? TestKeys.Bare("merchant-public.pem")
                : "merchant-secret-1"
            );

        public bool Invalidate(string name) => false;
    }

    private sealed class Canned(string reply) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request,
            CancellationToken cancellationToken
        ) =>
            Task.FromResult(
                new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent(reply, Encoding.UTF8, "application/json"),
                }
            );
    }

    private sealed class ListLogger : ILogger<HaiPayClient>
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        )
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            Lines.Enqueue(formatter(state, exception) + " " + values);
        }
    }
}
