namespace Payments.Sandbox.Merchant;

/// <summary>One notification as the sandbox merchant received it.</summary>
public sealed record ReceivedWebhook(
    string Id,
    string? Type,
    bool SignatureValid,
    DateTimeOffset ReceivedAt,
    string Body
);
