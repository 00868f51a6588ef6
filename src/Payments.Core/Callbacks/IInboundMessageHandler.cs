namespace Payments.Core.Callbacks;

/// <summary>
/// One provider's inbound messages, each through the same pipeline: read → authenticate → record → classify → apply by
/// compare-and-swap. Only a failed authentication is refused without a trace of the message; a message that
/// authenticates is always recorded, and one that cannot be applied goes to a person and is answered
/// <see cref="CallbackOutcomeKind.RetryLater"/> so the provider sends it again.
/// </summary>
public interface IInboundMessageHandler
{
    /// <summary>The provider, as metrics and traces name it (<see cref="Telemetry.ProviderNames"/>).</summary>
    string Provider { get; }

    /// <summary>What the provider calls the message (<c>callback</c>, <c>notification</c>).</summary>
    string Kind { get; }

    /// <summary>The body the provider expects when a message is acknowledged (<c>OK</c>, <c>SUCCESS</c>).</summary>
    string Acknowledgement { get; }

    Task<CallbackOutcome> HandleAsync(InboundMessage message, CancellationToken cancellationToken);
}
