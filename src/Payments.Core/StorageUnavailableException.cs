namespace Payments.Core;

/// <summary>Storage did not answer (after retries): the caller answers 503 so the sender retries later.</summary>
public sealed class StorageUnavailableException(string message) : Exception(message);
