using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Payments.Core.HaiPay;

namespace Payments.Sandbox.HaiPay;

/// <summary>The sandbox's keys, orders, refunds and current faults.</summary>
public sealed class HaiPaySandbox : IDisposable
{
    private readonly ConcurrentDictionary<string, SandboxPayment> byOrderId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SandboxPayment> byOrderNo = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SandboxSubscription> subscriptions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SandboxSubscription> bySubscriptionNo = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SandboxRefund> refunds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> applies = new(StringComparer.Ordinal);
    private static readonly string[] ApplyFailures = ["error", "timeout", "lost"];
    private static readonly string[] QueryFailures = ["error", "timeout"];
    private long sequence = 6023071013539000;
    private long injectedFailures;

    private readonly Dictionary<string, SandboxAccount> accounts = new(StringComparer.OrdinalIgnoreCase);

    public HaiPaySandbox(IOptions<HaiPaySandboxOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        PlatformKey = string.IsNullOrWhiteSpace(settings.PlatformPrivateKey)
            ? RSA.Create(2048)
            : HaiPayKeys.PrivateKey(settings.PlatformPrivateKey);
        Primary = new SandboxAccount(
            PrimaryCurrency,
            settings.AppId,
            settings.MerchantSecret,
            MerchantKeyOf(settings.MerchantPublicKey)
        );
        accounts[PrimaryCurrency] = Primary;
        foreach (var (currency, account) in settings.Accounts)
        {
            accounts[currency] = new SandboxAccount(
                currency.ToUpperInvariant(),
                account.AppId,
                account.MerchantSecret,
                MerchantKeyOf(account.MerchantPublicKey)
            );
        }
    }

    /// <summary>The currency of the account configured at the top of <c>Sandbox:HaiPay</c>.</summary>
    public const string PrimaryCurrency = "USD";

    public RSA PlatformKey { get; }

    /// <summary>The USD account: the one subscriptions (no currency in their path) are made on.</summary>
    public SandboxAccount Primary { get; }

    /// <summary>The account for <paramref name="currency"/>; null when the merchant has none in it.</summary>
    public SandboxAccount? Account(string currency) => accounts.GetValueOrDefault(currency);

    public HaiPayFaults Faults { get; set; } = new();

    /// <summary>
    /// How many calls failed at random (<see cref="HaiPayFaults.FailureRate"/>) since the sandbox started.
    /// </summary>
    public long InjectedFailures => Interlocked.Read(ref injectedFailures);

    /// <summary>
    /// How this apply call misbehaves: the switched-on <see cref="HaiPayFaults.Apply"/>, or a random failure.
    /// </summary>
    public string ApplyFault() => Draw(Faults.Apply, ApplyFailures);

    /// <summary>
    /// How this query, refund or subscription call misbehaves: <see cref="HaiPayFaults.Query"/>, or a random failure.
    /// </summary>
    public string QueryFault() => Draw(Faults.Query, QueryFailures);

    public string PlatformPublicKeyBase64 => Convert.ToBase64String(PlatformKey.ExportSubjectPublicKeyInfo());

    public string NextNumber() =>
        Interlocked.Increment(ref sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool TryAdd(SandboxPayment collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        if (!byOrderId.TryAdd(collection.OrderId, collection))
        {
            return false;
        }

        byOrderNo[collection.OrderNo] = collection;
        return true;
    }

    public SandboxPayment? ByOrderId(string orderId) => byOrderId.GetValueOrDefault(orderId);

    /// <summary>
    /// A collection or charge by the merchant's order id, HaiPay's <c>orderNo</c>, or the id our service gives a
    /// subscription charge (<c>{subscriptionId}~{orderNo}</c>).
    /// </summary>
    public SandboxPayment? FindPayment(string id) =>
        ByOrderId(id) ?? ByOrderNo(id) ?? (id.LastIndexOf('~') is var at and >= 0 ? ByOrderNo(id[(at + 1)..]) : null);

    /// <summary>
    /// A subscription by the merchant's <c>subscriptionOrderId</c> or HaiPay's <c>subscriptionNo</c>.
    /// </summary>
    public SandboxSubscription? FindSubscription(string id) => Subscription(id, null) ?? Subscription(null, id);

    /// <summary>Counts a signed <c>collect/apply</c> for <paramref name="orderId"/>, whatever happens next.</summary>
    public void CountApply(string orderId) => applies.AddOrUpdate(orderId, 1, (_, count) => count + 1);

    /// <summary>How many signed <c>collect/apply</c> calls named <paramref name="orderId"/>, lost or not.</summary>
    public int Applies(string orderId) => applies.GetValueOrDefault(orderId);

    public SandboxPayment? ByOrderNo(string orderNo) => byOrderNo.GetValueOrDefault(orderNo);

    public bool TryAddSubscription(SandboxSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (!subscriptions.TryAdd(subscription.SubscriptionOrderId, subscription))
        {
            return false;
        }

        bySubscriptionNo[subscription.SubscriptionNo] = subscription;
        return true;
    }

    public SandboxSubscription? Subscription(string? subscriptionOrderId, string? subscriptionNo) =>
        subscriptionNo is not null
            ? bySubscriptionNo.GetValueOrDefault(subscriptionNo)
            : subscriptions.GetValueOrDefault(subscriptionOrderId ?? string.Empty);

    public IEnumerable<SandboxSubscription> Subscriptions => subscriptions.Values;

    public bool TryAddRefund(SandboxRefund refund) => refunds.TryAdd(refund.OrderId, refund);

    public SandboxRefund? Refund(string orderId) => refunds.GetValueOrDefault(orderId);

    private static RSA? MerchantKeyOf(string text) =>
        string.IsNullOrWhiteSpace(text) ? null : HaiPayKeys.PublicKey(text);

    private string Draw(string switchedOn, string[] failures)
    {
        var rate = Faults.FailureRate;
        if (switchedOn != "none" || rate <= 0 || RandomNumberGenerator.GetInt32(1_000_000) >= rate * 1_000_000)
        {
            return switchedOn;
        }

        Interlocked.Increment(ref injectedFailures);
        return failures[RandomNumberGenerator.GetInt32(failures.Length)];
    }

    public void Dispose()
    {
        PlatformKey.Dispose();
        foreach (var account in accounts.Values)
        {
            account.Dispose();
        }
    }
}
