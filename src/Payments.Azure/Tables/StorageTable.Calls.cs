using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using Payments.Core;

namespace Payments.Azure.Tables;

/// <summary>How every storage call is bounded by the timeout and what a failed one means.</summary>
public sealed partial class StorageTable
{
    /// <summary>
    /// Runs one storage call on <paramref name="what"/> within <paramref name="timeout"/>. Real time, not the injected
    /// clock: this bounds waiting on a socket. No answer in time, a transport failure after the pipeline's retries
    /// (Azure.Core reports those as status 0, or aggregates the tries' errors) or a cancellation that is not the
    /// caller's becomes <see cref="StorageUnavailableException"/>.
    /// </summary>
    internal static async Task<T> BoundAsync<T>(
        string what,
        TimeSpan timeout,
        Func<CancellationToken, Task<T>> operation,
        CancellationToken cancellationToken
    )
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        try
        {
            return await operation(bound.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsNoAnswer(e))
        {
            throw new StorageUnavailableException(
                $"Table {what}: no answer within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}"
                    + $" s ({e.GetType().Name}: {e.Message})"
            );
        }
    }

    private static bool IsNoAnswer(Exception e) =>
        e switch
        {
            OperationCanceledException => true,
            RequestFailedException { Status: 0 } => true,
            AggregateException aggregate => aggregate.InnerExceptions.All(IsNoAnswer),
            _ => false,
        };

    /// <summary>
    /// The outcome a storage answer stands for; null (the exception propagates) for answers retrying cannot fix.
    /// </summary>
    internal static TableOutcome? Outcome(RequestFailedException e) =>
        e.Status switch
        {
            404 when e.ErrorCode == TableErrorCode.TableNotFound.ToString() => TableOutcome.TableNotFound,
            404 => TableOutcome.NotFound,
            409 => TableOutcome.AlreadyExists,
            412 => TableOutcome.PreconditionFailed,
            408 or 429 or >= 500 => TableOutcome.Unavailable,
            _ => null,
        };
}
