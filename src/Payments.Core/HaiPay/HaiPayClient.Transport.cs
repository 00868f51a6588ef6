using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Core.Telemetry;
using Payments.Core.Text;

namespace Payments.Core.HaiPay;

/// <summary>How <see cref="HaiPayClient"/> sends a signed request and reads what comes back.</summary>
public sealed partial class HaiPayClient
{
    private async Task<HaiPayReply> SendAsync(
        string currency,
        string operation,
        string orderId,
        JsonObject fields,
        Echoed echoed,
        CancellationToken cancellationToken
    )
    {
        var settings = options.CurrentValue;
        var keys = await credentials.GetAsync(currency, cancellationToken);
        var expected = HaiPayReplyBinding.Expected(fields, echoed);
        var cardEcho = HaiPayReplyBinding.CardEcho(fields);
        var url = new Uri($"{settings.BaseUrl.AbsoluteUri.TrimEnd('/')}/{operation}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        var started = Stopwatch.GetTimestamp();
        var outcome = ProviderCallOutcomes.Unavailable;
        try
        {
            var body = await SignedBodyAsync(currency, fields, keys, timeout.Token);
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await http.PostAsync(url, content, timeout.Token);
            if ((int)response.StatusCode >= 500)
            {
                return Unavailable(operation, orderId, $"HTTP {(int)response.StatusCode}");
            }

            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var reply = Interpret(currency, operation, orderId, text, keys, expected, echoed.UnsignedAnswers, cardEcho);
            outcome = reply switch
            {
                HaiPayReply.Refused => ProviderCallOutcomes.Refused,
                HaiPayReply.Unavailable => ProviderCallOutcomes.Malformed,
                _ => ProviderCallOutcomes.Success,
            };
            return reply;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unavailable(operation, orderId, $"no answer within {settings.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return Unavailable(operation, orderId, $"{e.GetType().Name}: {e.HttpRequestError}");
        }
        catch (HaiPaySigningException e)
        {
            return Unavailable(operation, orderId, $"the request was not sent: {e.Message}");
        }
        finally
        {
            metrics.ProviderCalled(
                ProviderNames.HaiPay,
                OperationName(operation),
                outcome,
                Stopwatch.GetElapsedTime(started)
            );
        }
    }

    /// <summary>The <c>operation</c> tag: the path without its currency (<c>usd/collect/apply</c> is
    /// <c>create-collection</c>).</summary>
    private static string OperationName(string operation)
    {
        var path = operation.StartsWith("subscription/", StringComparison.Ordinal)
            ? operation
            : operation[(operation.IndexOf('/', StringComparison.Ordinal) + 1)..];
        return path switch
        {
            "collect/apply" => "create-collection",
            "collect/query" => "query",
            "refund/apply" => "refund",
            "refund/refundQuery" => "refund-query",
            "subscription/apply" => "subscription-apply",
            "subscription/query" => "subscription-query",
            "subscription/cancel" => "subscription-cancel",
            var other => other,
        };
    }

    /// <summary>Adds <c>sign</c> over the non-empty fields (nulls dropped first, so the body and the signature
    /// agree).</summary>
    private async Task<string> SignedBodyAsync(
        string currency,
        JsonObject fields,
        HaiPayAccountKeys keys,
        CancellationToken cancellationToken
    )
    {
        var request = new JsonObject { ["appId"] = keys.AppId };
        foreach (var (name, value) in fields.ToList())
        {
            if (value is not null)
            {
                fields.Remove(name);
                request[name] = value;
            }
        }

        using var unsigned = JsonDocument.Parse(request.ToJsonString());
        var stringToSign = HaiPayCanonical.StringToSign(unsigned.RootElement, keys.MerchantSecret);
        request[HaiPayCanonical.SignField] = await signer.SignAsync(currency, stringToSign, cancellationToken);
        return request.ToJsonString();
    }

    private HaiPayReply Interpret(
        string currency,
        string operation,
        string orderId,
        string text,
        HaiPayAccountKeys keys,
        Dictionary<string, string> expected,
        bool unsignedAnswers,
        IReadOnlyList<string> cardEcho
    )
    {
        var envelope = HaiPayEnvelope.Parse(text);
        if (envelope is null)
        {
            return Unavailable(operation, orderId, "the reply is not a HaiPay envelope");
        }

        if (envelope.IsSuccess)
        {
            var data = envelope.Data!.Value;
            var signed = data.TryGetProperty(HaiPayCanonical.SignField, out _);
            if (!signed && !unsignedAnswers)
            {
                return Unavailable(operation, orderId, "an unsigned reply");
            }

            if (!signed || HaiPaySignature.VerifyObject(data, keys.MerchantSecret, keys.PlatformKey, reply: true))
            {
                if (HaiPayReplyBinding.Unechoed(data, expected) is { } field)
                {
                    var kind = signed ? "signed" : "unsigned";
                    return Unavailable(
                        operation,
                        orderId,
                        $"the reply's {field} is not the one sent (a {kind} reply about another order)"
                    );
                }

                return signed ? new HaiPayReply.Ok(data) : new HaiPayReply.UnsignedApply(data);
            }

            LogBadSignature(logger, operation, orderId);
            credentials.Invalidate(currency);
            return new HaiPayReply.Unavailable("the reply's signature did not verify");
        }

        if (envelope.Status == "1" && envelope.Error == HaiPayEnvelope.SuccessError)
        {
            return Unavailable(operation, orderId, "a success reply without data");
        }

        var message = ProviderText.Of(envelope.Message, cardEcho);
        var code = HaiPayReplyBinding.ErrorCode(envelope.Error);
        if (options.CurrentValue.EffectiveCredentialErrors.Contains(code))
        {
            LogCredentialsRefused(logger, operation, orderId, code, message, currency);
            credentials.Invalidate(currency);
            signer.Invalidate(currency);
            return new HaiPayReply.Refused(code, message, Credentials: true);
        }

        LogRefused(logger, operation, orderId, code, message);
        return new HaiPayReply.Refused(code, message);
    }

    private HaiPayReply.Unavailable Unavailable(string operation, string orderId, string reason)
    {
        LogUnavailable(logger, operation, orderId, reason);
        return new HaiPayReply.Unavailable(reason);
    }

    [LoggerMessage(
        EventId = 6001,
        Level = LogLevel.Warning,
        Message = "HaiPay {Operation} for order {OrderId} has no usable answer: {Reason}"
    )]
    private static partial void LogUnavailable(ILogger logger, string operation, string orderId, string reason);

    [LoggerMessage(
        EventId = 6002,
        Level = LogLevel.Warning,
        Message = "HaiPay {Operation} for order {OrderId} refused: {Error} {Message}"
    )]
    private static partial void LogRefused(
        ILogger logger,
        string operation,
        string orderId,
        string error,
        ProviderText message
    );

    [LoggerMessage(
        EventId = 6004,
        Level = LogLevel.Error,
        Message = "HaiPay {Operation} for order {OrderId} refused our signature or credentials: {Error} {Message}; the "
            + "{Currency} keys are read again. Operator: if this persists, check HaiPay-{Currency}-PrivateKey and "
            + "-MerchantSecret"
    )]
    private static partial void LogCredentialsRefused(
        ILogger logger,
        string operation,
        string orderId,
        string error,
        ProviderText message,
        string currency
    );

    [LoggerMessage(
        EventId = 6003,
        Level = LogLevel.Error,
        Message = "HaiPay {Operation} reply for order {OrderId} failed signature verification; treated as no answer. "
            + "Operator: check HaiPay-*-PlatformPublicKey and -MerchantSecret"
    )]
    private static partial void LogBadSignature(ILogger logger, string operation, string orderId);
}
