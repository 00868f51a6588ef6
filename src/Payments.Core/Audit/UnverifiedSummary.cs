using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Payments.Core.Audit;

/// <summary>
/// What is kept of a provider message that did not verify: where it came from, how big it was, the SHA-256 of its body
/// and which check failed. Never the body: anonymous traffic must not be able to fill storage.
/// </summary>
public sealed record UnverifiedSummary(string? Source, int Bytes, string Sha256, string FailedCheck)
{
    public static UnverifiedSummary Of(JsonElement body, string? source, string failedCheck)
    {
        var bytes = Encoding.UTF8.GetBytes(body.GetRawText());
        return new UnverifiedSummary(
            source,
            bytes.Length,
            Convert.ToHexStringLower(SHA256.HashData(bytes)),
            failedCheck
        );
    }

    public string ToJson() =>
        JsonSerializer.Serialize(
            new Dictionary<string, object?>
            {
                ["source"] = Source,
                ["bytes"] = Bytes,
                ["sha256"] = Sha256,
                ["failed"] = FailedCheck,
            }
        );
}
