namespace Payments.Core.Orders;

public sealed record Admission(AdmissionKind Kind, PaymentOrder Order);
