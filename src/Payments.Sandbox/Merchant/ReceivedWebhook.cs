namespace Payments.Sandbox.Merchant;

/// <summary>
/// One notification as the sandbox merchant received it: its <c>webhook-id</c>, event type, whether the
/// <c>webhook-signature</c> verified over id, timestamp and body, when it arrived, the headers it came with (by
/// lower-case name) and its body.
/// </summary>
public sealed record ReceivedWebhook(
    string Id,
    string? Type,
    bool SignatureValid,
    DateTimeOffset ReceivedAt,
    IReadOnlyDictionary<string, string> Headers,
    string Body
);
