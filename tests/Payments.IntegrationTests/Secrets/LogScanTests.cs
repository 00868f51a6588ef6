using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Secrets;

/// <summary>
/// The log text the secret and card scans read covers the scopes a record was written in, not only its message.
/// </summary>
public sealed partial class LogScanTests
{
    [Fact]
    public void Lines_ValuesInScopes_InTheScannedText()
    {
        var logs = new FakeLogCollector();
        using (var factory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs))))
        {
            var logger = factory.CreateLogger("scan");
            using (logger.BeginScope(new Dictionary<string, object?> { ["Card"] = "scope-value-4111" }))
            using (logger.BeginScope("scope text 5556"))
            {
                LogSomething(logger, "state-value-88d1");
            }
        }

        var line = Assert.Single(logs.Lines());
        Assert.All(["message text", "state-value-88d1", "scope-value-4111", "scope text 5556"], value =>
            Assert.Contains(value, line, StringComparison.Ordinal)
        );
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "message text {Key}")]
    private static partial void LogSomething(ILogger logger, string key);
}
