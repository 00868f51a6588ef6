namespace Payments.AppHost;

/// <summary>What run-local prints once the Server answers its health check: the URLs, keys and secret.</summary>
internal static class Banner
{
    public static string Text(LocalStackSettings settings, string dashboardUrl, string webhookSecret)
    {
        var server = settings.ServerUrl;
        var sandbox = settings.SandboxUrl;
        var webhooks = settings.MerchantWebhookUrl is { } merchant
            ? $"Webhooks to       {merchant.AbsoluteUri}   (your app, from --webhook-url)"
            : $"Merchant webhooks {sandbox}/merchant/webhooks   (each delivery, its headers, signature verified)";
        return $$"""

            Payments service  {{server}}/api/health
              function key    local-dev-function-key   (header x-functions-key, or ?code=)
              operator key    local-dev-operator-key-0123456789   (header x-functions-key; api/ops/...)
            Operator console  {{server}}/api/ops/console
            Demo checkout     {{server}}/demo   (both providers in a browser, statuses live)
            Provider sandbox  {{sandbox}}   (HUAWEIPIN under /huaweipin, HaiPay under /haipay)
            {{webhooks}}
            Webhook secret    {{webhookSecret}}   (Standard Webhooks signing secret, local only)
            Aspire dashboard  {{dashboardUrl}}   (logs, traces and metrics of every resource; no login)
            Azurite           Table {{settings.TableUrl}}  (data in {{settings.AzuriteLocation}})

            Try:  curl -s -X POST {{server}}/api/huaweipin/frames \
                    -H 'x-functions-key: local-dev-function-key' -H 'content-type: application/json' \
                    -d '{"orderId":"frame-1","username":"alice","customerIp":"203.0.113.7"}'
                  then open the iframeUrl it returns and pay; GET {{server}}/api/orders/frame-1 shows it Succeeded.
                  HaiPay collections and subscriptions: see the README's quickstart.
                  Forward webhooks to your own app: scripts/run-local --webhook-url http://127.0.0.1:3000/webhooks
            Press Ctrl+C to stop everything.

            """;
    }
}
