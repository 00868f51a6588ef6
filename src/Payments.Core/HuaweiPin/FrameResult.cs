using Payments.Core.Text;

namespace Payments.Core.HuaweiPin;

/// <summary>The outcome of GetFrame.</summary>
public abstract record FrameResult
{
    /// <summary>
    /// The provider created the payment channel. <paramref name="Link"/> null: its <c>iframeUrl</c> is no usable link
    /// (the frame exists, but its page cannot be shown and cannot be asked for again).
    /// </summary>
    public sealed record Created(Text.CustomerLink? Link, string? Token) : FrameResult;

    /// <summary>The provider refused with one of GetFrame's published codes (302-306). Nothing was created.</summary>
    public sealed record Rejected(int Code, ProviderText Message) : FrameResult
    {
        /// <summary>
        /// GetFrame's published error codes; any other code (a proxy's 408/429, a <c>"code":500</c> in an HTTP 200)
        /// is no usable answer, never a refusal.
        /// </summary>
        public static bool IsPublishedRefusal(int code) => code is >= 302 and <= 306;

        /// <summary>306: our API key or secret key is wrong; an operator must fix the configuration.</summary>
        public bool IsCredentialProblem => Code is 302 or 303 or 306;
    }

    /// <summary>Timeout, 5xx or an unreadable reply: the frame may or may not exist.</summary>
    public sealed record Unavailable(string Reason) : FrameResult;
}
