using System.Collections.Concurrent;
using Payments.Client.Webhooks;

namespace MerchantApp;

/// <summary>
/// The events this shop has taken in, once each by event id (the service may deliver an event more than once). A
/// real shop would mark its own order paid here, in its database.
/// </summary>
public sealed class ReceivedEvents
{
    private readonly ConcurrentDictionary<string, WebhookEvent> events = new(StringComparer.Ordinal);

    /// <summary>False when the event was taken in before (a retry): acknowledge it again, do nothing else.</summary>
    public bool TryAdd(WebhookEvent received)
    {
        ArgumentNullException.ThrowIfNull(received);
        return events.TryAdd(received.Id, received);
    }

    public IReadOnlyList<WebhookEvent> All => [.. events.Values.OrderBy(e => e.Timestamp)];
}
