using System.Text.Json;

namespace Payments.Core.HaiPay;

/// <summary>What a HaiPay call came back with.</summary>
public abstract record HaiPayReply
{
    private HaiPayReply()
    {
    }

    /// <summary>A normal reply whose <c>data</c> signature verified.</summary>
    public sealed record Ok(JsonElement Data) : HaiPayReply;

    /// <summary>An error envelope (<c>status</c> "0"): unsigned, never a payment outcome.</summary>
    public sealed record Refused(string Error, string Message) : HaiPayReply;

    /// <summary>No trustworthy answer: timeout, 5xx, transport error, unreadable reply or a signature that did not verify.</summary>
    public sealed record Unavailable(string Reason) : HaiPayReply;
}
