namespace Payments.Core.Reconciliation;

/// <summary>
/// One validated row of a HUAWEIPIN transaction export. <see cref="Row"/> is its number in the file (the header is
/// row 1); <see cref="OrderId"/> and <see cref="Status"/> are the provider's text as written.
/// </summary>
public sealed record HuaweiPinExportRow(
    int Row,
    string OrderId,
    decimal Amount,
    string Status,
    bool Paid,
    DateTimeOffset At
);
