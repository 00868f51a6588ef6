namespace Payments.Core.Orders;

public static class OrderStatusExtensions
{
    /// <summary>Final states never change again.</summary>
    public static bool IsFinal(this OrderStatus status) =>
        status is OrderStatus.Succeeded or OrderStatus.Failed or OrderStatus.Rejected or OrderStatus.Canceled;

    /// <summary>States in which the provider may still be asked or may still call us back.</summary>
    public static bool IsOpen(this OrderStatus status) =>
        status is OrderStatus.Created or OrderStatus.Pending or OrderStatus.Unknown;
}
