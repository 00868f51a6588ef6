namespace Payments.Client.Models;

/// <summary>
/// The statuses an order, refund, subscription or charge reports. Statuses are read as text, so a status added
/// later reaches the caller instead of failing the read.
/// </summary>
public static class OrderStatuses
{
    public const string Created = "Created";
    public const string Pending = "Pending";
    public const string Unknown = "Unknown";
    public const string Rejected = "Rejected";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Expired = "Expired";
    public const string NeedsReview = "NeedsReview";
    public const string Active = "Active";
    public const string Canceled = "Canceled";

    /// <summary>Succeeded, Failed, Rejected and (subscriptions) Canceled never change again.</summary>
    public static bool IsFinal(string status) => status is Succeeded or Failed or Rejected or Canceled;
}
