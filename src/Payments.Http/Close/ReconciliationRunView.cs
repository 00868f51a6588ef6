using System.ComponentModel;
using System.Globalization;
using Payments.Core.Reconciliation;

namespace Payments.Http.Close;

/// <summary>A reconciliation run's summary, as the operator API answers it.</summary>
public sealed record ReconciliationRunView(
    [property: Description("haipay-query or huaweipin-import.")] string Source,
    [property: Description("The reconciled UTC day, yyyy-MM-dd.")] string Day,
    [property: Description("started, changed, open or done: where the run is (a crash resumes there).")] string Phase,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    [property: Description("Seconds from start to finish; null while it runs.")] double? DurationSeconds,
    int Checked,
    int Matched,
    [property: Description("Orders with a difference, each listed under category=reconciliation.")] int Different,
    [property: Description("Orders the provider did not answer about; the next run asks again.")] int Unanswered,
    [property: Description("Provider queries made: at most one per order per run.")] int Queries
)
{
    public static ReconciliationRunView From(ReconciliationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new ReconciliationRunView(
            run.Source,
            run.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            run.Phase,
            run.StartedAt,
            run.FinishedAt,
            run.FinishedAt is { } end ? (end - run.StartedAt).TotalSeconds : null,
            run.Checked,
            run.Matched,
            run.Different,
            run.Unanswered,
            run.Queries
        );
    }
}
