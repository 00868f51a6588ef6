namespace Payments.Core.Text;

/// <summary>What a link a provider hands us may be before it reaches a customer (section <c>Links</c>).</summary>
public sealed class CustomerLinkOptions
{
    public const string Section = "Links";

    /// <summary>
    /// Accept plain <c>http</c> links besides <c>https</c>: only for the local sandbox (http://127.0.0.1), on in
    /// Development and the tests. Default false.
    /// </summary>
    public bool AllowHttp { get; set; }
}
