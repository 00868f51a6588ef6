namespace Payments.Sandbox.HaiPay;

/// <summary>Misbehaviour switched on through <c>POST /haipay/_sandbox/faults</c>.</summary>
public sealed record HaiPayFaults
{
    /// <summary>
    /// <c>none</c>; <c>timeout</c> (the order is created, the reply comes after <see cref="SlowReply"/>);
    /// <c>error</c> (the order is created, HTTP 500); <c>lost</c> (HTTP 502, nothing created); <c>refuse</c>
    /// (an error envelope, nothing created). Applies to collection, subscription and refund applies.
    /// </summary>
    public string Apply { get; init; } = "none";

    /// <summary>
    /// <c>none</c>, <c>timeout</c>, <c>error</c>, <c>refuse</c> or <c>notfound</c> (error 4004 although HaiPay holds
    /// the order, as when
    /// <c>refundQuery</c> cannot find refunds by our id), for status queries, refund queries and subscription calls.
    /// </summary>
    public string Query { get; init; } = "none";

    /// <summary>
    /// The share (0 to 1) of API calls that fail at random while <see cref="Apply"/> and <see cref="Query"/> are
    /// <c>none</c>: an apply fails as <c>error</c>, <c>timeout</c> or <c>lost</c>, any other call as <c>error</c> or
    /// <c>timeout</c>. Default 0.
    /// </summary>
    public double FailureRate { get; init; }

    /// <summary>How late a <c>timeout</c> reply comes. Default 5 minutes.</summary>
    public TimeSpan SlowReply { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The merchant secret HaiPay now holds (a rotation at HaiPay: requests signed with the old one get 1002); null:
    /// the configured one.
    /// </summary>
    public string? MerchantSecret { get; init; }

    /// <summary>Sign reply <c>data</c> with the wrong secret.</summary>
    public bool BadResponseSignature { get; init; }

    /// <summary>
    /// Append to each genuinely signed reply <c>data</c> a second copy of one of its properties with a null value
    /// (which the signature, skipping nulls, does not notice): a reply whose readers could disagree.
    /// </summary>
    public bool RepeatedReplyProperty { get; init; }

    /// <summary>Send notifications at all (off: the merchant must poll).</summary>
    public bool Notifications { get; init; } = true;

    /// <summary>Sign notifications with the wrong secret (as a forger would).</summary>
    public bool BadNotificationSignature { get; init; }

    /// <summary>Extra copies of each notification sent after the first is acknowledged.</summary>
    public int DuplicateNotifications { get; init; }

    /// <summary>
    /// The first this-many charge attempts of each subscription are declined; a declined charge is retried a quarter
    /// of a sandbox day later, up to the subscription's <c>retryTimes</c>.
    /// </summary>
    public int FailingCharges { get; init; }

    /// <summary>
    /// What HaiPay writes into every text it sends (a refusal's <c>msg</c>, a decline's <c>errorMsg</c>) instead of its
    /// own words, e.g. a card number echoed from the request; null: HaiPay's usual texts.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>
    /// The <c>payUrl</c> every apply reply (collection and subscription) carries instead of the sandbox's own page,
    /// e.g. <c>javascript:…</c>, a relative path or an http address; null: the sandbox's page.
    /// </summary>
    public string? PayUrl { get; init; }

    /// <summary>
    /// The merchant order id (collection, refund or subscription) every signed reply is about instead of the one asked
    /// for: an apply creates the order asked for but answers with that other order's data, a query or cancel answers
    /// with it (correctly signed, as a reply crossed with another would be); null: the order asked for.
    /// </summary>
    public string? ReplyAbout { get; init; }

    /// <summary>How refunds end: <c>success</c> or <c>failed</c>.</summary>
    public string RefundOutcome { get; init; } = "success";
}
