namespace Payments.Core.Orders;

public enum RecurrenceUnit
{
    Day,
    Week,
    Month,
    Year,
}
