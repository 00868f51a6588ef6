using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Payments.Core.Webhooks;

namespace Payments.Http.Webhooks;

/// <summary>
/// Sends one signed notification, the given body under the event id (Standard
/// Webhooks headers <c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature</c>) with the configured
/// timeout. The merchant's answer body is never read.
/// </summary>
public sealed class WebhookSender(HttpClient http, IOptionsMonitor<WebhookOptions> options, TimeProvider time)
{
    public async Task<SendResult> SendAsync(
        Uri endpoint,
        IReadOnlyList<byte[]> keys,
        string id,
        byte[] body,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(body);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(keys, id, timestamp, body));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CurrentValue.Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return new SendResult((int)response.StatusCode, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var seconds = options.CurrentValue.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
            return new SendResult(null, $"no answer within {seconds} s");
        }
        catch (HttpRequestException e)
        {
            return new SendResult(null, $"connection failed ({e.HttpRequestError})");
        }
    }
}
