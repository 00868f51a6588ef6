using System.Collections.Concurrent;

namespace Payments.Sandbox.Merchant;

/// <summary>The last 200 webhooks one sandbox host received, newest first when listed.</summary>
public sealed class ReceivedWebhookLog
{
    private const int Kept = 200;

    private readonly ConcurrentQueue<ReceivedWebhook> received = new();

    public void Add(ReceivedWebhook webhook)
    {
        received.Enqueue(webhook);
        while (received.Count > Kept && received.TryDequeue(out _)) { }
    }

    public IReadOnlyList<ReceivedWebhook> Newest() => [.. received.Reverse()];
}
