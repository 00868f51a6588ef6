namespace Payments.Core.Audit;

/// <summary>What a provider message (HUAWEIPIN callback, HaiPay notification) did.</summary>
public static class AuditKinds
{
    public const string CallbackApplied = "callback-applied";
    public const string CallbackConflict = "callback-conflict";
    public const string CallbackUnmatched = "callback-unmatched";

    /// <summary>The signature did not verify: nothing was applied; the provider was asked instead.</summary>
    public const string CallbackUnverified = "callback-unverified";
}
