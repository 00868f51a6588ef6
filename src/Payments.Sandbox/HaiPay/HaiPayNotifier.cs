using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Payments.Sandbox.HaiPay;

/// <summary>
/// Notifies the merchant like HaiPay: signed JSON to the order's <c>notifyUrl</c>, repeated every
/// <see cref="HaiPaySandboxOptions.NotificationRetryInterval"/> (at most <see cref="HaiPaySandboxOptions.NotificationRetries"/>
/// more times) until the answer is 200 <c>SUCCESS</c>. Carries a field merchants do not expect, as HaiPay warns it may.
/// </summary>
public sealed partial class HaiPayNotifier(
    IHttpClientFactory clients,
    HaiPaySandbox sandbox,
    HaiPaySigner signer,
    IOptionsMonitor<HaiPaySandboxOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<HaiPayNotifier> logger)
{
    public void Start(SandboxPayment collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var faults = sandbox.Faults;
        if (faults.Notifications)
        {
            _ = Task.Run(() => DeliverAsync(collection, faults, lifetime.ApplicationStopping));
        }
    }

    private async Task DeliverAsync(SandboxPayment collection, HaiPayFaults faults, CancellationToken stopping)
    {
        var settings = options.CurrentValue;
        var body = signer.Sign(new JsonObject
        {
            ["appId"] = settings.AppId,
            ["currency"] = collection.Currency,
            ["orderId"] = collection.OrderId,
            ["orderNo"] = collection.OrderNo,
            ["amount"] = collection.Amount,
            ["actualAmount"] = collection.ActualAmount,
            ["fee"] = "0.00",
            ["status"] = collection.Status,
            ["payTime"] = collection.PayTime,
            ["errorMsg"] = collection.ErrorMsg,
            ["channel"] = "CARD",
        }, faults.BadNotificationSignature).ToJsonString();

        try
        {
            var acknowledged = false;
            for (var attempt = 0; attempt <= settings.NotificationRetries && !acknowledged; attempt++)
            {
                if (attempt > 0)
                {
                    await Task.Delay(settings.NotificationRetryInterval, time, stopping);
                }

                acknowledged = await SendAsync(collection, body, faults.BadNotificationSignature, stopping);
            }

            for (var i = 0; acknowledged && i < faults.DuplicateNotifications; i++)
            {
                await SendAsync(collection, body, faults.BadNotificationSignature, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            LogStopped(logger, collection.OrderId);
        }
    }

    private async Task<bool> SendAsync(SandboxPayment collection, string body, bool forged, CancellationToken stopping)
    {
        using var http = clients.CreateClient(nameof(HaiPayNotifier));
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(collection.NotifyUrl), content, stopping);
            var text = await response.Content.ReadAsStringAsync(stopping);
            collection.Deliveries.Enqueue(new NotificationAttempt(time.GetUtcNow(), (int)response.StatusCode, text, forged));
            return (int)response.StatusCode == 200 && text.Trim() == "SUCCESS";
        }
        catch (HttpRequestException e)
        {
            collection.Deliveries.Enqueue(new NotificationAttempt(time.GetUtcNow(), 0, e.Message, forged));
            return false;
        }
    }

    /// <summary>Local time as HaiPay writes it (<c>yyyy-MM-dd HH:mm:ss</c>).</summary>
    public string Now() => time.GetLocalNow().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Notification delivery for {OrderId} stopped with the sandbox")]
    private static partial void LogStopped(ILogger logger, string orderId);
}
