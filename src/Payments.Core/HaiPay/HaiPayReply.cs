using System.Text.Json;
using Payments.Core.Text;

namespace Payments.Core.HaiPay;

/// <summary>What a HaiPay call came back with.</summary>
public abstract record HaiPayReply
{
    private HaiPayReply() { }

    /// <summary>A normal reply whose <c>data</c> signature verified.</summary>
    public sealed record Ok(JsonElement Data) : HaiPayReply;

    /// <summary>
    /// A normal reply whose <c>data</c> carries no <c>sign</c> at all, accepted only where the seed shows one
    /// (<c>subscription/apply</c>) and only about the order asked for: it hands over HaiPay's number and pay page,
    /// never a status.
    /// </summary>
    public sealed record UnsignedApply(JsonElement Data) : HaiPayReply;

    /// <summary>
    /// An error envelope (<c>status</c> "0"): unsigned, never a payment outcome. <paramref name="Credentials"/>: the
    /// error is one of
    /// <c>HaiPay:CredentialErrors</c> (our signature, appId or secret refused), so nothing about the order is known.
    /// </summary>
    public sealed record Refused(string Error, ProviderText Message, bool Credentials = false) : HaiPayReply;

    /// <summary>
    /// No trustworthy answer: timeout, 5xx, transport error, unreadable reply or a signature that did not verify.
    /// </summary>
    public sealed record Unavailable(string Reason) : HaiPayReply;
}
