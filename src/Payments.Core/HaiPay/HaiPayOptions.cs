using System.ComponentModel.DataAnnotations;

namespace Payments.Core.HaiPay;

/// <summary>
/// HaiPay settings (section <c>HaiPay</c>). Keys and the merchant secret come from the secret store, per currency.
/// </summary>
public sealed class HaiPayOptions
{
    public const string Section = "HaiPay";

    /// <summary>The currency of a collection that names none (HaiPay's own default).</summary>
    public const string DefaultCurrency = "USD";

    /// <summary>HaiPay's API base. Default: the UAT environment; production's is issued at go-live.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://uat-interface.haipay.asia");

    /// <summary>
    /// Where HaiPay sends notifications: this service's public <c>/api/haipay/notify</c>. Required when an account is
    /// configured.
    /// </summary>
    public Uri? NotifyUrl { get; set; }

    /// <summary>
    /// Where the merchant private key signs: <see cref="HaiPaySigning.LocalKey"/> (default; the secret
    /// <c>HaiPay-{CCY}-PrivateKey</c>) or <see cref="HaiPaySigning.KeyVaultKey"/> (the non-exportable Key Vault key
    /// <c>HaiPay-{CCY}-MerchantKey</c> in <c>KeyVault:VaultUri</c>; one vault round trip per signed call). Read once.
    /// </summary>
    public HaiPaySigning Signing { get; set; } = HaiPaySigning.LocalKey;

    /// <summary>How long one HaiPay call may take before its outcome counts as unknown. Default 15 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Merchant accounts by currency code (upper case), e.g. <c>HaiPay:Accounts:USD:AppId</c>. A currency without one
    /// is refused.
    /// </summary>
    public Dictionary<string, HaiPayAccount> Accounts { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When open orders are queried. Default: 1 min, then 5 min × 5, then hourly, up to 72 h.</summary>
    public CheckScheduleOptions Checks { get; set; } = new();

    /// <summary>
    /// <c>error</c> codes with which a query says the order does not exist at HaiPay. Not published; the
    /// default is our assumption and the sandbox's. "No record" is never proof of absence: an order HaiPay still does
    /// not know after <see cref="AbsentGrace"/> goes to a person (<c>NeedsReview</c>, <c>provider-has-no-record</c>);
    /// earlier, a merchant's repeat may apply a collection or subscription again (never a refund).
    /// </summary>
    public List<string> OrderNotFoundErrors { get; } = [];

    /// <summary>
    /// <c>error</c> codes with which HaiPay refuses our signature or credentials (unknown appId, sign error). Not
    /// published; the default (<c>1001</c>, <c>1002</c>) is our assumption and the sandbox's. Such a refusal re-reads
    /// the account's keys and leaves the order Unknown, so repeating the request resolves it once the rotated keys are
    /// in force.
    /// </summary>
    public List<string> CredentialErrors { get; } = [];

    /// <summary>
    /// How long after creation a "no such order" answer is awaited before the order goes to a person. Default 10 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan AbsentGrace { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a poller owns a claimed check; longer than <see cref="Timeout"/>. Default 2 min.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Least time between two status queries prompted by unverified notifications about one order (claimed on the order
    /// row by compare-and-swap, so it holds across instances and restarts). Default 5 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan UnverifiedQueryInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Status queries that notifications failing verification may prompt on one instance per
    /// <see cref="UnverifiedQueryBudgetPeriod"/>, across all orders and charge numbers (read at start). Default 60.
    /// </summary>
    [Range(1, 100_000)]
    public int UnverifiedQueryBudget { get; set; } = 60;

    /// <summary>The period <see cref="UnverifiedQueryBudget"/> is counted over. Default 1 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan UnverifiedQueryBudgetPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Orders checked per poll run. Default 200.</summary>
    [Range(1, 5000)]
    public int PollBatchSize { get; set; } = 200;

    /// <summary>Status queries in flight at once per poll run. Default 4.</summary>
    [Range(1, 64)]
    public int PollConcurrency { get; set; } = 4;

    /// <summary>Smallest and largest collection amount in USD (HaiPay: 0.99–1000).</summary>
    [Range(typeof(decimal), "0.01", "1000000")]
    public decimal MinAmount { get; set; } = 0.99m;

    [Range(typeof(decimal), "0.01", "1000000")]
    public decimal MaxAmount { get; set; } = 1000.00m;

    /// <summary>
    /// The not-found codes in force (<see cref="OrderNotFoundErrors"/>, or <c>4004</c> when none are configured).
    /// </summary>
    public IReadOnlyList<string> EffectiveOrderNotFoundErrors =>
        OrderNotFoundErrors.Count > 0 ? OrderNotFoundErrors : ["4004"];

    /// <summary>
    /// The credential-refusal codes in force (<see cref="CredentialErrors"/>, or <c>1001</c> and <c>1002</c> when none
    /// are configured).
    /// </summary>
    public IReadOnlyList<string> EffectiveCredentialErrors =>
        CredentialErrors.Count > 0 ? CredentialErrors : ["1001", "1002"];
}
