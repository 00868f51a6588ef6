using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Payments.Azure.Tables;

/// <summary>
/// Signs each try of a request with the Table service's SharedKeyLite scheme:
/// HMAC-SHA256 over <c>x-ms-date + "\n" + "/" + account + path</c>.
/// </summary>
internal sealed class SharedKeyLitePolicy(string accountName, byte[] accountKey, TimeProvider time) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var date = time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
        message.Request.Headers.SetValue("x-ms-date", date);
        var path = message.Request.Uri.ToUri().AbsolutePath;
        var toSign = $"{date}\n/{accountName}{path}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(accountKey, Encoding.UTF8.GetBytes(toSign)));
        message.Request.Headers.SetValue("Authorization", $"SharedKeyLite {accountName}:{signature}");
    }
}
