namespace Payments.Http.Endpoints;

/// <summary>Every HTTP endpoint. The Server maps these; the Functions app has one function per entry (a test checks).</summary>
public static class ApiRoutes
{
    public const string Prefix = "api";

    public static readonly ApiRoute Health = new("Health", "GET", "health", AccessLevel.Anonymous);
    public static readonly ApiRoute GetOrder = new("GetOrder", "GET", "orders/{id}", AccessLevel.Function);
    public static readonly ApiRoute SyncOrder = new("SyncOrder", "POST", "orders/{id}/sync", AccessLevel.Function);

    public static readonly ApiRoute CreateFrame = new("CreateHuaweiPinFrame", "POST", "huaweipin/frames", AccessLevel.Function);
    public static readonly ApiRoute HuaweiPinCallback = new("HuaweiPinCallback", "POST", "huaweipin/callback", AccessLevel.Anonymous);

    public static readonly ApiRoute CreateCollection = new("CreateHaiPayCollection", "POST", "haipay/collections", AccessLevel.Function);
    public static readonly ApiRoute GetCollection = new("GetHaiPayCollection", "GET", "haipay/collections/{orderId}", AccessLevel.Function);
    public static readonly ApiRoute RefundCollection = new("RefundHaiPayCollection", "POST", "haipay/collections/{orderId}/refunds", AccessLevel.Function);
    public static readonly ApiRoute CreateSubscription = new("CreateHaiPaySubscription", "POST", "haipay/subscriptions", AccessLevel.Function);
    public static readonly ApiRoute GetSubscription = new("GetHaiPaySubscription", "GET", "haipay/subscriptions/{subscriptionId}", AccessLevel.Function);
    public static readonly ApiRoute CancelSubscription = new("CancelHaiPaySubscription", "POST", "haipay/subscriptions/{subscriptionId}/cancel", AccessLevel.Function);
    public static readonly ApiRoute HaiPayNotify = new("HaiPayNotify", "POST", "haipay/notify", AccessLevel.Anonymous);

    /// <summary>Operator routes: under <c>ops/</c> because the Functions host keeps routes starting with <c>admin</c> for itself.</summary>
    public static readonly ApiRoute ListAttention = new("OpsListAttention", "GET", "ops/attention", AccessLevel.Admin);
    public static readonly ApiRoute ResolveOrder = new("OpsResolveOrder", "POST", "ops/orders/{orderId}/resolution", AccessLevel.Admin);
    public static readonly ApiRoute AcknowledgeOrder = new("OpsAcknowledgeOrder", "POST", "ops/orders/{orderId}/acknowledgement", AccessLevel.Admin);
    public static readonly ApiRoute ListWebhooks = new("OpsListWebhooks", "GET", "ops/webhooks", AccessLevel.Admin);
    public static readonly ApiRoute ReplayWebhook = new("OpsReplayWebhook", "POST", "ops/webhooks/{orderId}/{eventId}/replay", AccessLevel.Admin);
    public static readonly ApiRoute GetWebhookEndpoint = new("OpsGetWebhookEndpoint", "GET", "ops/webhooks/endpoint", AccessLevel.Admin);
    public static readonly ApiRoute EnableWebhookEndpoint = new("OpsEnableWebhookEndpoint", "POST", "ops/webhooks/endpoint/enable", AccessLevel.Admin);
    public static readonly ApiRoute OpsSync = new("OpsSync", "POST", "ops/sync", AccessLevel.Admin);

    /// <summary>The operator console's page: anonymous because it carries no data and no key (its calls to the operator API send the key).</summary>
    public static readonly ApiRoute OperatorConsole = new("OperatorConsole", "GET", "ops/console", AccessLevel.Anonymous);

    public static IReadOnlyList<ApiRoute> All { get; } =
        [Health, GetOrder, SyncOrder, CreateFrame, HuaweiPinCallback, CreateCollection, GetCollection, RefundCollection,
        CreateSubscription, GetSubscription, CancelSubscription, HaiPayNotify,
        ListAttention, ResolveOrder, AcknowledgeOrder, ListWebhooks, ReplayWebhook, GetWebhookEndpoint, EnableWebhookEndpoint, OpsSync, OperatorConsole];
}
