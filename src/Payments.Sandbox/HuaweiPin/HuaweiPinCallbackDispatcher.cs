using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Payments.Core.HuaweiPin;

namespace Payments.Sandbox.HuaweiPin;

/// <summary>
/// Calls the merchant back like HUAWEIPIN: POST JSON with the hash, repeated every
/// <see cref="HuaweiPinSandboxOptions.CallbackRetryInterval"/> until the answer is 200 <c>OK</c>.
/// Forged callbacks (wrong hash or key) are sent once and never retried.
/// </summary>
public sealed partial class HuaweiPinCallbackDispatcher(
    IHttpClientFactory clients,
    IOptionsMonitor<HuaweiPinSandboxOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<HuaweiPinCallbackDispatcher> logger
)
{
    public void Start(SandboxFrame frame, HuaweiPinFaults faults) =>
        _ = Task.Run(() => DeliverAsync(frame, faults, lifetime.ApplicationStopping));

    private async Task DeliverAsync(SandboxFrame frame, HuaweiPinFaults faults, CancellationToken stopping)
    {
        var settings = options.CurrentValue;
        var forged = faults.WrongHash || faults.WrongKey;
        var key = faults.WrongKey ? settings.CallbackKey + "-wrong" : settings.CallbackKey;
        var hash = HuaweiPinHash.Compute(
            frame.MerchantOid,
            frame.Amount!,
            faults.WrongHash ? "forged" : settings.CallbackKey
        );
        var body = JsonSerializer.Serialize(
            new Dictionary<string, string>
            {
                ["merchant_oid"] = frame.MerchantOid,
                [HuaweiPinCallback.KeyField] = key,
                ["status"] = frame.Status!,
                ["amount"] = frame.Amount!,
                ["hash"] = hash,
            }
        );

        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var copies = await Task.WhenAll(
                    Enumerable
                        .Range(0, Math.Max(1, faults.ConcurrentCallbacks))
                        .Select(_ => SendAsync(frame, settings.CallbackUrl, body, forged, stopping))
                );
                if (forged || copies.Any(acknowledged => acknowledged))
                {
                    break;
                }

                await Task.Delay(settings.CallbackRetryInterval, time, stopping);
            }

            for (var i = 0; i < faults.DuplicateCallbacks && !stopping.IsCancellationRequested; i++)
            {
                await SendAsync(frame, settings.CallbackUrl, body, forged, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            LogStopped(logger, frame.MerchantOid);
        }
    }

    private async Task<bool> SendAsync(
        SandboxFrame frame,
        Uri url,
        string body,
        bool forged,
        CancellationToken stopping
    )
    {
        using var http = clients.CreateClient(nameof(HuaweiPinCallbackDispatcher));
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(url, content, stopping);
            var text = await response.Content.ReadAsStringAsync(stopping);
            frame.Deliveries.Enqueue(new DeliveryAttempt(time.GetUtcNow(), (int)response.StatusCode, text, forged));
            return (int)response.StatusCode == 200 && text.Trim() == "OK";
        }
        catch (HttpRequestException e)
        {
            frame.Deliveries.Enqueue(new DeliveryAttempt(time.GetUtcNow(), 0, e.Message, forged));
            return false;
        }
    }

    [LoggerMessage(
        EventId = 9001,
        Level = LogLevel.Information,
        Message = "Callback delivery for {OrderId} stopped with the sandbox"
    )]
    private static partial void LogStopped(ILogger logger, string orderId);
}
