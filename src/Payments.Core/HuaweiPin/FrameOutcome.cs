using Payments.Core.Orders;

namespace Payments.Core.HuaweiPin;

public sealed record FrameOutcome(FrameOutcomeKind Kind, PaymentOrder Order, int? ProviderCode = null);
