namespace Payments.Sandbox.HuaweiPin;

/// <summary>Misbehaviour switched on through <c>POST /huaweipin/_sandbox/faults</c>.</summary>
public sealed record HuaweiPinFaults
{
    /// <summary>Extra copies of each callback sent one after another after the first is acknowledged.</summary>
    public int DuplicateCallbacks { get; init; }

    /// <summary>Copies of each callback sent at the same moment (1 = normal).</summary>
    public int ConcurrentCallbacks { get; init; } = 1;

    /// <summary>Send a hash that does not match (as a forger would).</summary>
    public bool WrongHash { get; init; }

    /// <summary>Send a wrong callback key.</summary>
    public bool WrongKey { get; init; }

    /// <summary>
    /// The callback <c>status</c> sent instead of the customer's outcome (a status the merchant may not know); null:
    /// the outcome.
    /// </summary>
    public string? CallbackStatus { get; init; }

    /// <summary>
    /// What HUAWEIPIN writes into its error replies' <c>errorMeesage</c> (e.g. a card number); null: its usual texts.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>
    /// The <c>iframeUrl</c> a successful GetFrame reply carries instead of the sandbox's payment page (its token is
    /// still created), e.g. <c>javascript:…</c>, a relative path or an http address; null: the sandbox's page.
    /// </summary>
    public string? IframeUrl { get; init; }

    /// <summary>
    /// <c>none</c>, <c>timeout</c> (GetFrame never answers in time), <c>slow</c> (answers after 1.5 s),
    /// <c>error</c> (HTTP 500), <c>lost</c> (the frame is created, then HTTP 500: its iframe URL never reaches the
    /// merchant), <c>repeatedProperty</c> (a success reply whose <c>iframeUrl</c> appears a second time with another
    /// page: a reply whose readers could disagree), <c>throttled</c> (a front end's HTTP 429 with a JSON body) or
    /// <c>code500</c> (HTTP 200 carrying <c>"code":500</c>, not a published GetFrame code).
    /// </summary>
    public string GetFrame { get; init; } = "none";
}
