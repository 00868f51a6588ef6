using System.ComponentModel.DataAnnotations;

namespace Payments.Core.Idempotency;

/// <summary>How long an <c>Idempotency-Key</c> is remembered (configuration section <c>Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>Default 24 h: a key reused after this is a new request.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Expiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Default 2 min: how long a first request holds its key. A repeat within it gets 409; after it (the first
    /// request's process died) the repeat takes the key over. Longer than any provider call.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}
