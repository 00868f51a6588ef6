namespace Payments.Http.Telemetry;

/// <summary>The <c>outcome</c> tag of <c>payments.callbacks</c>.</summary>
public static class CallbackOutcomes
{
    /// <summary>Verified and it changed the order.</summary>
    public const string Applied = "applied";

    /// <summary>Verified, the order already said so: nothing changed.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>The signature (hash, callback key) did not verify: nothing applied.</summary>
    public const string Unverified = "unverified";

    /// <summary>Not readable: bad JSON, wrong content type, a bad field (400).</summary>
    public const string Malformed = "malformed";

    /// <summary>Verified, but no order of ours has that id (recorded for an operator).</summary>
    public const string UnknownOrder = "unknown-order";

    /// <summary>Verified, but it contradicts a final state: not applied (recorded as a conflict).</summary>
    public const string Rejected = "rejected";

    /// <summary>
    /// Storage, the key vault or contention on the order stopped it: answered 503 with Retry-After, nothing recorded.
    /// </summary>
    public const string Unavailable = "unavailable";

    /// <summary>Any other exception: answered 500 (logged with the trace id).</summary>
    public const string Error = "error";
}
