using Microsoft.Extensions.Logging;
using Payments.Core.Orders;
using Payments.Core.Text;

namespace Payments.Core.Reconciliation;

/// <summary>HuaweiPinImport: what it logs.</summary>
public sealed partial class HuaweiPinImport
{
    // Event ids 5450-5499 (see LogEventIds).
    [LoggerMessage(
        EventId = 5450,
        Level = LogLevel.Information,
        Message = "HUAWEIPIN export of {Day} imported: {Rows} rows, {Matched} matched, {Different} different, "
            + "{Flagged} for a person, {Missing} of ours missing from it"
    )]
    private static partial void LogImported(
        ILogger logger,
        DateOnly day,
        int rows,
        int matched,
        int different,
        int flagged,
        int missing
    );

    [LoggerMessage(
        EventId = 5451,
        Level = LogLevel.Warning,
        Message = "HUAWEIPIN export of {Day} (row {Row}) reports order {OrderId} paid; we held it {Was}: now {Now}, "
            + "for a person"
    )]
    private static partial void LogFlagged(
        ILogger logger,
        DateOnly day,
        string orderId,
        OrderStatus was,
        OrderStatus now,
        int row
    );

    [LoggerMessage(
        EventId = 5452,
        Level = LogLevel.Warning,
        Message = "HUAWEIPIN export of {Day} (row {Row}) reports a payment for order {OrderId}, which we do not hold"
    )]
    private static partial void LogUnknownOrder(ILogger logger, DateOnly day, ProviderText orderId, int row);

    [LoggerMessage(
        EventId = 5453,
        Level = LogLevel.Warning,
        Message = "HUAWEIPIN import of {Day}: its summary was not stored (other imports of the day raced it)"
    )]
    private static partial void LogRunNotSaved(ILogger logger, DateOnly day);
}
