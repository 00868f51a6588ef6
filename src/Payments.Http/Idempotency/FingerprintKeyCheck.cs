using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Payments.Core.Idempotency;
using Payments.Core.Secrets;

namespace Payments.Http.Idempotency;

/// <summary>
/// Reads the fingerprint key on start, so a missing, blank or short <c>Idempotency-FingerprintKey</c> stops the host
/// instead of failing keyed requests later. A secret store that does not answer does not stop it: keyed requests get
/// 503 until it does.
/// </summary>
public sealed partial class FingerprintKeyCheck(FingerprintKey key, ILogger<FingerprintKeyCheck> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await key.GetAsync(cancellationToken);
        }
        catch (SecretUnavailableException e)
        {
            LogUnavailable(logger, e.Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(
        EventId = 5301,
        Level = LogLevel.Warning,
        Message = "The secret {Name} could not be read on start; requests with an Idempotency-Key get 503 until it is"
    )]
    private static partial void LogUnavailable(ILogger logger, string name);
}
