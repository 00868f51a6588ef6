namespace Payments.Core.Telemetry;

/// <summary>
/// The log event id ranges: each class that logs has a range of its own, so an id names one class and one message.
/// <code>
/// 1000-1099  OrderUpdater                       5400-5449  IdempotentRequests
/// 1100-1199  HaiPayReconciler
/// 2000-2099  ServiceProblemHandler              6000-6099  HaiPayClient
/// 3000-3009  StorageInitializer                 6100-6199  HaiPayPoller
/// 3010-3019  TableOrderRepository               6200-6249  UnverifiedNotifications
/// 3020-3029  TableAuditLog                      6250-6299  NotifiedSubscriptions
/// 3030-3039  TableAttentionList                 6300-6399  HaiPayOrderCreator
/// 3040-3049  TableWebhookOutbox                 6400-6499  WebhookDispatcher
/// 3050-3059  StorageHealth                      6500-6509  WebhookSecretCheck (and health's secret check)
///                                               7001       ResolveOrderHandler
/// 3100-3149  KeyVaultSecretStore                7002       ReplayWebhookHandler
/// 3150-3159  KeyVaultKeySigner                  7003       EnableWebhookEndpointHandler
/// 4000-4099  CronJobRunner
/// 5000-5099  HuaweiPinClient                    7004       OperatorRecords
/// 5100-5199  HuaweiPinCallbackHandler           7005       AcknowledgeOrderHandler
/// 5200-5299  ExpireFramesJob                    7100-7109  OperatorAuthentication
/// 5300-5399  FingerprintKeyCheck                9000-9049  HuaweiPinCallbackDispatcher (sandbox)
/// 5450-5499  HuaweiPinImport                    9050-9099  MerchantWebhooks (sandbox)
///                                               9100-9149  HaiPayNotifier (sandbox)
/// </code>
/// A new class that logs takes the next free range in its layer's thousand and is added here.
/// </summary>
public static class LogEventIds;
