using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Core.Secrets;
using Payments.Core.Telemetry;
using Payments.Core.Text;

namespace Payments.Core.HuaweiPin;

/// <summary>
/// GetFrame exactly as the provider's parameter table says (<c>client_username</c>, not the PHP sample's
/// <c>user_name</c>), reading <c>errorMeesage</c> as the provider spells it.
/// </summary>
public sealed partial class HuaweiPinClient(
    HttpClient http,
    ISecretStore secrets,
    IOptionsMonitor<HuaweiPinOptions> options,
    IOptionsMonitor<CustomerLinkOptions> links,
    ILogger<HuaweiPinClient> logger,
    IPaymentsMetrics metrics
)
{
    public async Task<FrameResult> GetFrameAsync(FrameRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.CurrentValue;
        var body = new Dictionary<string, string>
        {
            ["merchant_apikey"] = await secrets.GetAsync(SecretNames.HuaweiPinApiKey, cancellationToken),
            ["merchant_secretkey"] = await secrets.GetAsync(SecretNames.HuaweiPinSecretKey, cancellationToken),
            ["merchant_oid"] = request.MerchantOid,
            ["client_username"] = request.ClientUsername,
            ["client_ip"] = request.ClientIp,
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        var started = Stopwatch.GetTimestamp();
        var outcome = ProviderCallOutcomes.Unavailable;
        try
        {
            using var response = await http.PostAsJsonAsync(
                new Uri($"{settings.BaseUrl.AbsoluteUri.TrimEnd('/')}/api/v1/GetFrame"),
                body,
                timeout.Token
            );
            if ((int)response.StatusCode >= 500)
            {
                return Unavailable(request, $"HTTP {(int)response.StatusCode}");
            }

            var result = HuaweiPinReply.Parse(await response.Content.ReadAsStringAsync(timeout.Token)) is { } reply
                ? Interpret(request, reply, (int)response.StatusCode)
                : Unavailable(request, "the reply is not JSON or repeats a property");
            outcome = result switch
            {
                FrameResult.Created { Link: not null } => ProviderCallOutcomes.Success,
                FrameResult.Rejected => ProviderCallOutcomes.Refused,
                _ => ProviderCallOutcomes.Malformed,
            };
            return result;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unavailable(request, $"no answer within {settings.Timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or NotSupportedException)
        {
            return Unavailable(request, e.GetType().Name);
        }
        finally
        {
            metrics.ProviderCalled(ProviderNames.HuaweiPin, "getframe", outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    private FrameResult Interpret(FrameRequest request, JsonElement reply, int httpStatus)
    {
        var code = reply.ValueKind == JsonValueKind.Object ? ReadCode(reply) ?? httpStatus : httpStatus;
        var message = ProviderText.Of(Text(reply, "errorMeesage") ?? Text(reply, "errorMessage") ?? string.Empty);
        var success =
            reply.ValueKind == JsonValueKind.Object
            && reply.TryGetProperty("isSuccess", out var s)
            && s.ValueKind == JsonValueKind.True;
        if (success && code == 200)
        {
            if (CustomerLink.From(Text(reply, "iframeUrl"), links.CurrentValue) is { } link)
            {
                return new FrameResult.Created(link, TokenOf(new Uri(link.Value)));
            }

            LogUnusableLink(logger, request.MerchantOid);
            return new FrameResult.Created(null, null);
        }

        if (FrameResult.Rejected.IsPublishedRefusal(code))
        {
            var rejected = new FrameResult.Rejected(code, message);
            if (rejected.IsCredentialProblem)
            {
                LogCredentialsRejected(logger, code, message);
                secrets.Invalidate(SecretNames.HuaweiPinApiKey);
                secrets.Invalidate(SecretNames.HuaweiPinSecretKey);
            }
            else
            {
                LogRejected(logger, request.MerchantOid, code, message);
            }

            return rejected;
        }

        return Unavailable(request, $"unexpected reply (code {code})");
    }

    private FrameResult.Unavailable Unavailable(FrameRequest request, string reason)
    {
        LogUnavailable(logger, request.MerchantOid, reason);
        return new FrameResult.Unavailable(reason);
    }

    private static int? ReadCode(JsonElement reply) =>
        reply.TryGetProperty("code", out var code) switch
        {
            true when code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out var n) => n,
            true when code.ValueKind == JsonValueKind.String && int.TryParse(code.GetString(), out var n) => n,
            _ => null,
        };

    private static string? Text(JsonElement reply, string name) =>
        reply.ValueKind == JsonValueKind.Object
        && reply.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string? TokenOf(Uri url) =>
        url
            .Query.TrimStart('?')
            .Split('&')
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0].Equals("Token", StringComparison.OrdinalIgnoreCase))
            .Select(pair => Uri.UnescapeDataString(pair[1]))
            .FirstOrDefault();

    [LoggerMessage(
        EventId = 5001,
        Level = LogLevel.Critical,
        Message = "HUAWEIPIN rejected our API credentials (code {Code}: {Message}). Operator action: check the "
            + "HuaweiPin-ApiKey and HuaweiPin-SecretKey secrets"
    )]
    private static partial void LogCredentialsRejected(ILogger logger, int code, ProviderText message);

    [LoggerMessage(
        EventId = 5002,
        Level = LogLevel.Warning,
        Message = "HUAWEIPIN refused frame for order {OrderId}: code {Code}: {Message}"
    )]
    private static partial void LogRejected(ILogger logger, string orderId, int code, ProviderText message);

    [LoggerMessage(
        EventId = 5004,
        Level = LogLevel.Error,
        Message = "HUAWEIPIN created the frame for order {OrderId} but its iframeUrl is no usable link "
            + "(not an absolute https address); the order goes to a person"
    )]
    private static partial void LogUnusableLink(ILogger logger, string orderId);

    [LoggerMessage(
        EventId = 5003,
        Level = LogLevel.Warning,
        Message = "HUAWEIPIN GetFrame for order {OrderId} has no usable answer: {Reason}"
    )]
    private static partial void LogUnavailable(ILogger logger, string orderId, string reason);
}
