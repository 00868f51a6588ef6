namespace Payments.Azure.Tables;

/// <summary>A storage error that retrying will not fix (bad credentials, bad request, missing table).</summary>
public sealed class TableStorageException(int status, string? errorCode, string message)
    : Exception($"Table Storage answered {status} {errorCode}: {message}")
{
    public int Status { get; } = status;
    public string? ErrorCode { get; } = errorCode;
}
