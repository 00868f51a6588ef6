using System.Security.Cryptography;

namespace Payments.Client.Tests.Fixtures;

internal static class WebhookSettings
{
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The Server's settings for sending notifications to <paramref name="url"/> every second.</summary>
    public static Dictionary<string, string?> SendingTo(Uri url, string secret) =>
        new()
        {
            ["Webhooks:Url"] = url.AbsoluteUri,
            ["Webhooks:Timeout"] = "00:00:02",
            ["DeliverWebhooksSchedule"] = "*/1 * * * * *",
            ["Secrets:Webhooks-SigningSecret"] = secret,
        };
}
