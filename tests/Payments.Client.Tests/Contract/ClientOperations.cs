using Payments.Client.Models;
using Payments.Client.Tests.Fixtures;

namespace Payments.Client.Tests.Contract;

/// <summary>
/// Each merchant operation of the document, as the client calls it: the request model it sends, the model it reads
/// back, and one call.
/// </summary>
internal sealed record ClientOperation(string Id, Type? Request, Type Answer, Func<PaymentsClient, Task> Call)
{
    public override string ToString() => Id;

    public static IReadOnlyList<ClientOperation> All { get; } =
    [
        new("GetOrder", null, typeof(Order), c => c.GetOrderAsync("ord-1")),
        new("SyncOrder", null, typeof(Order), c => c.SyncOrderAsync("ord-1")),
        new("CreateHuaweiPinFrame", typeof(CreateFrameRequest), typeof(Frame), c =>
            c.CreateFrameAsync(Requests.Frame("ord-1"))
        ),
        new("CreateHaiPayCollection", typeof(CreateCollectionRequest), typeof(CollectionOrder), c =>
            c.CreateCollectionAsync(Requests.Collection("ord-1"))
        ),
        new("GetHaiPayCollection", null, typeof(CollectionOrder), c => c.GetCollectionAsync("ord-1")),
        new("RefundHaiPayCollection", typeof(RefundRequest), typeof(Refund), c => c.RefundCollectionAsync("ord-1")),
        new("CreateHaiPaySubscription", typeof(CreateSubscriptionRequest), typeof(Subscription), c =>
            c.CreateSubscriptionAsync(Requests.Subscription("sub-1"))
        ),
        new("GetHaiPaySubscription", null, typeof(Subscription), c => c.GetSubscriptionAsync("sub-1", refresh: true)),
        new("CancelHaiPaySubscription", null, typeof(Subscription), c => c.CancelSubscriptionAsync("sub-1")),
    ];
}
