namespace Payments.Core.Audit;

public static class AuditKinds
{
    public const string CallbackApplied = "callback-applied";
    public const string CallbackConflict = "callback-conflict";
    public const string CallbackUnmatched = "callback-unmatched";
}
