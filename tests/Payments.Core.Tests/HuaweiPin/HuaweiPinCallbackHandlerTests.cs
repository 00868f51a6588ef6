using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Payments.Core.Audit;
using Payments.Core.Callbacks;
using Payments.Core.HuaweiPin;
using Payments.Core.Orders;
using Payments.Core.Secrets;
using Payments.Core.Telemetry;
using Payments.Testing.InMemory;

namespace Payments.Core.Tests.HuaweiPin;

/// <summary>
/// The HUAWEIPIN callback use case on the in-memory stores (which pass the same contract suite as the Table stores):
/// authenticate → record → classify → apply, without a host or Azurite.
/// </summary>
public sealed class HuaweiPinCallbackHandlerTests
{
    private const string Key = "callback-key-for-unit-tests-7d3e";
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider time = new(Now);
    private readonly InMemoryOrderRepository orders = new();
    private readonly InMemoryAuditLog audit = new(new AuditOptions());

    [Fact]
    public async Task VerifiedSuccess_AppliedAndRecordedOnceARepeatChangesAndRecordsNothing()
    {
        await PendingFrameAsync("hp-1");

        var first = await Handler().HandleAsync(Callback("hp-1", "success", "10.50"), default);
        var repeat = await Handler().HandleAsync(Callback("hp-1", "success", "10.50"), default);

        var order = (await orders.FindAsync("hp-1", default))!.Value;
        Assert.Equal((OrderStatus.Succeeded, 10.50m), (order.Status, order.Amount));
        Assert.Equal(
            (CallbackOutcomeKind.Acknowledged, TransitionKind.Changed, CallbackOutcomeKind.Acknowledged),
            (first.Kind, first.Update!.Kind, repeat.Kind)
        );
        Assert.Equal(TransitionKind.Unchanged, repeat.Update!.Kind);
        var kinds = await audit.ListAsync("hp-1", Now, default).Select(r => r.Kind).ToListAsync();
        Assert.Equal([AuditKinds.CallbackApplied], kinds);
    }

    [Fact]
    public async Task WrongHash_UnauthorizedNothingChangedOnlyASummaryKept()
    {
        await PendingFrameAsync("hp-2");

        var outcome = await Handler()
            .HandleAsync(Callback("hp-2", "success", "10.50", hash: new string('0', 64)), default);

        Assert.Equal(CallbackOutcomeKind.Unauthorized, outcome.Kind);
        Assert.Equal(OrderStatus.Pending, (await orders.FindAsync("hp-2", default))!.Value.Status);
        Assert.Empty(await audit.ListAsync("hp-2", Now, default).ToListAsync());
    }

    [Fact]
    public async Task AmountUnreadable_OrderNeedsReviewRecordedAndProviderToldToRetry()
    {
        await PendingFrameAsync("hp-3");

        var outcome = await Handler().HandleAsync(Callback("hp-3", "success", "10,50"), default);

        var order = (await orders.FindAsync("hp-3", default))!.Value;
        Assert.Equal(CallbackOutcomeKind.RetryLater, outcome.Kind);
        Assert.Equal((OrderStatus.NeedsReview, ReviewReason.UnreadableCallback), (order.Status, order.ReviewReason));
        Assert.Contains(await audit.ListAsync("hp-3", Now, default).ToListAsync(), r =>
            r.Kind == AuditKinds.CallbackApplied && r.Payload.Contains("10,50", StringComparison.Ordinal)
        );
    }

    private HuaweiPinCallbackHandler Handler() =>
        new(
            new OrderUpdater(orders, time, NullLogger<OrderUpdater>.Instance, NoPaymentsMetrics.Instance),
            audit,
            new InMemorySecretStore(new Dictionary<string, string> { [SecretNames.HuaweiPinCallbackKey] = Key }),
            new Monitor(new HuaweiPinOptions { AmountUnit = "major" }),
            time,
            NullLogger<HuaweiPinCallbackHandler>.Instance
        );

    private async Task PendingFrameAsync(string id)
    {
        var created = PaymentOrder.Create(new NewOrder(id, PaymentProvider.HuaweiPin, "fp", Now.AddHours(72)), Now);
        var pending = created.Accept("token-" + id, null, created.NextCheckAt, Now).Order;
        Assert.True((await orders.AddAsync(pending, default)).Added);
    }

    private static InboundMessage Callback(string orderId, string status, string amount, string? hash = null)
    {
        var body = JsonSerializer.Serialize(
            new Dictionary<string, string>
            {
                ["merchant_oid"] = orderId,
                ["merchant_callback_privatekey"] = Key,
                ["status"] = status,
                ["amount"] = amount,
                ["hash"] = hash ?? HuaweiPinHash.Compute(orderId, amount, Key),
            }
        );
        return new InboundMessage(JsonDocument.Parse(body).RootElement.Clone(), "203.0.113.7");
    }

    private sealed class Monitor(HuaweiPinOptions value) : IOptionsMonitor<HuaweiPinOptions>
    {
        public HuaweiPinOptions CurrentValue => value;

        public HuaweiPinOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<HuaweiPinOptions, string?> listener) => null;
    }
}
