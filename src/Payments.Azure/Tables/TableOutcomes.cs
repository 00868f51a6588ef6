using Payments.Core;

namespace Payments.Azure.Tables;

/// <summary>
/// Turns a table operation that could not be done into the service's "storage unavailable" (answered 503).
/// </summary>
internal static class TableOutcomes
{
    public static void Ensure(TableOutcome outcome, string what)
    {
        if (outcome != TableOutcome.Success)
        {
            throw Unavailable(outcome, what);
        }
    }

    public static StorageUnavailableException Unavailable(TableOutcome outcome, string what) =>
        new($"{what}: {outcome}");
}
