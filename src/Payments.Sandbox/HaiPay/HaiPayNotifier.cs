using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Payments.Sandbox.HaiPay;

/// <summary>
/// Notifies the merchant like HaiPay: signed JSON to the order's <c>notifyUrl</c>, repeated every
/// <see cref="HaiPaySandboxOptions.NotificationRetryInterval"/> (at most
/// <see cref="HaiPaySandboxOptions.NotificationRetries"/> more times) until the answer is 200 <c>SUCCESS</c>. Carries a
/// field merchants do not expect, as HaiPay warns it may.
/// </summary>
public sealed partial class HaiPayNotifier(
    IHttpClientFactory clients,
    HaiPaySandbox sandbox,
    HaiPaySigner signer,
    IOptionsMonitor<HaiPaySandboxOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<HaiPayNotifier> logger
)
{
    /// <summary>Reports a collection's (or a subscription charge's) outcome.</summary>
    public void Start(SandboxPayment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var account = sandbox.Account(payment.Currency) ?? sandbox.Primary;
        Start(
            payment.NotifyUrl,
            payment.OrderId,
            payment.Deliveries,
            account,
            new JsonObject
            {
                ["appId"] = account.AppId,
                ["currency"] = payment.Currency,
                ["subscriptionOrderId"] = payment.Subscription?.SubscriptionOrderId,
                ["subscriptionNo"] = payment.Subscription?.SubscriptionNo,
                ["orderId"] = payment.OrderId,
                ["orderNo"] = payment.OrderNo,
                ["amount"] = payment.Amount,
                ["actualAmount"] = payment.ActualAmount,
                ["fee"] = "0.00",
                ["status"] = payment.Status,
                ["payTime"] = payment.PayTime,
                ["errorMsg"] = payment.ErrorMsg,
                ["channel"] = "CARD",
            }
        );
    }

    /// <summary>Reports a subscription's own status (confirmed, declined).</summary>
    public void Start(SandboxSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var account = sandbox.Primary;
        Start(
            subscription.NotifyUrl,
            subscription.SubscriptionOrderId,
            subscription.Deliveries,
            account,
            new JsonObject
            {
                ["appId"] = account.AppId,
                ["currency"] = subscription.Currency,
                ["subscriptionOrderId"] = subscription.SubscriptionOrderId,
                ["subscriptionNo"] = subscription.SubscriptionNo,
                ["amount"] = subscription.Amount,
                ["recurringInterval"] = subscription.Interval,
                ["recurringIntervalCount"] = subscription.IntervalCount.ToString(CultureInfo.InvariantCulture),
                ["status"] = subscription.StatusText,
                ["payType"] = "SUBSCRIPTION",
            }
        );
    }

    private void Start(
        string notifyUrl,
        string reference,
        ConcurrentQueue<NotificationAttempt> deliveries,
        SandboxAccount account,
        JsonObject fields
    )
    {
        var faults = sandbox.Faults;
        if (faults.Notifications)
        {
            var body = signer.Sign(fields, faults.BadNotificationSignature, account).ToJsonString();
            _ = Task.Run(() =>
                DeliverAsync(new Uri(notifyUrl), reference, deliveries, body, faults, lifetime.ApplicationStopping)
            );
        }
    }

    private async Task DeliverAsync(
        Uri notifyUrl,
        string reference,
        ConcurrentQueue<NotificationAttempt> deliveries,
        string body,
        HaiPayFaults faults,
        CancellationToken stopping
    )
    {
        var settings = options.CurrentValue;
        try
        {
            var acknowledged = false;
            for (var attempt = 0; attempt <= settings.NotificationRetries && !acknowledged; attempt++)
            {
                if (attempt > 0)
                {
                    await Task.Delay(settings.NotificationRetryInterval, time, stopping);
                }

                acknowledged = await SendAsync(notifyUrl, deliveries, body, faults.BadNotificationSignature, stopping);
            }

            for (var i = 0; acknowledged && i < faults.DuplicateNotifications; i++)
            {
                await SendAsync(notifyUrl, deliveries, body, faults.BadNotificationSignature, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            LogStopped(logger, reference);
        }
    }

    private async Task<bool> SendAsync(
        Uri notifyUrl,
        ConcurrentQueue<NotificationAttempt> deliveries,
        string body,
        bool forged,
        CancellationToken stopping
    )
    {
        using var http = clients.CreateClient(nameof(HaiPayNotifier));
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(notifyUrl, content, stopping);
            var text = await response.Content.ReadAsStringAsync(stopping);
            deliveries.Enqueue(new NotificationAttempt(time.GetUtcNow(), (int)response.StatusCode, text, forged));
            return (int)response.StatusCode == 200 && text.Trim() == "SUCCESS";
        }
        catch (HttpRequestException e)
        {
            deliveries.Enqueue(new NotificationAttempt(time.GetUtcNow(), 0, e.Message, forged));
            return false;
        }
    }

    /// <summary>Local time as HaiPay writes it (<c>yyyy-MM-dd HH:mm:ss</c>).</summary>
    public string Now() => time.GetLocalNow().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    [LoggerMessage(
        EventId = 9101,
        Level = LogLevel.Information,
        Message = "Notification delivery for {Reference} stopped with the sandbox"
    )]
    private static partial void LogStopped(ILogger logger, string reference);
}
