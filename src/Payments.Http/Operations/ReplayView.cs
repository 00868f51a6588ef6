namespace Payments.Http.Operations;

/// <summary>A replayed delivery: pending again, due at <paramref name="NextAttemptAt"/>.</summary>
public sealed record ReplayView(
    string OrderId,
    string EventId,
    string State,
    int Attempts,
    DateTimeOffset NextAttemptAt
);
