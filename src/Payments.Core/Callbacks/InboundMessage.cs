using System.Text.Json;

namespace Payments.Core.Callbacks;

/// <summary>A provider's callback or notification as received, before anything is trusted.</summary>
/// <param name="Body">The parsed body (well-formed JSON, no repeated property: the HTTP layer refused anything
/// else).</param>
/// <param name="Source">The sender's address, kept with the summary of a message that does not authenticate.</param>
public sealed record InboundMessage(JsonElement Body, string? Source);
