namespace Payments.Http.Endpoints;

/// <summary>
/// Every HTTP endpoint, the one place a route is spelled. The Server maps <see cref="All"/>; the Functions app has one
/// function per entry, whose attributes take the entry's <see cref="Names"/> and <see cref="Templates"/> constants
/// (attribute arguments must be constants) and are checked against this table, with the <c>functions.metadata</c>
/// the build generates, by <c>FunctionsConsistencyTests</c>.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "api";

    public static readonly ApiRoute Health = new(Names.Health, "GET", Templates.Health, AccessLevel.Anonymous);
    public static readonly ApiRoute GetOrder = new(Names.GetOrder, "GET", Templates.GetOrder, AccessLevel.Function);
    public static readonly ApiRoute SyncOrder = new(Names.SyncOrder, "POST", Templates.SyncOrder, AccessLevel.Function);

    public static readonly ApiRoute CreateFrame = new(
        Names.CreateFrame,
        "POST",
        Templates.CreateFrame,
        AccessLevel.Function
    );

    public static readonly ApiRoute HuaweiPinCallback = new(
        Names.HuaweiPinCallback,
        "POST",
        Templates.HuaweiPinCallback,
        AccessLevel.Anonymous
    );

    public static readonly ApiRoute CreateCollection = new(
        Names.CreateCollection,
        "POST",
        Templates.CreateCollection,
        AccessLevel.Function
    );

    public static readonly ApiRoute GetCollection = new(
        Names.GetCollection,
        "GET",
        Templates.GetCollection,
        AccessLevel.Function
    );

    public static readonly ApiRoute RefundCollection = new(
        Names.RefundCollection,
        "POST",
        Templates.RefundCollection,
        AccessLevel.Function
    );

    public static readonly ApiRoute CreateSubscription = new(
        Names.CreateSubscription,
        "POST",
        Templates.CreateSubscription,
        AccessLevel.Function
    );

    public static readonly ApiRoute GetSubscription = new(
        Names.GetSubscription,
        "GET",
        Templates.GetSubscription,
        AccessLevel.Function
    );

    public static readonly ApiRoute CancelSubscription = new(
        Names.CancelSubscription,
        "POST",
        Templates.CancelSubscription,
        AccessLevel.Function
    );

    public static readonly ApiRoute HaiPayNotify = new(
        Names.HaiPayNotify,
        "POST",
        Templates.HaiPayNotify,
        AccessLevel.Anonymous
    );

    /// <summary>
    /// Operator routes: under <c>ops/</c> because the Functions host keeps routes starting with <c>admin</c> for
    /// itself.
    /// </summary>
    public static readonly ApiRoute ListAttention = new(
        Names.ListAttention,
        "GET",
        Templates.ListAttention,
        AccessLevel.Operator
    );

    public static readonly ApiRoute ResolveOrder = new(
        Names.ResolveOrder,
        "POST",
        Templates.ResolveOrder,
        AccessLevel.Operator
    );

    public static readonly ApiRoute GetOrderDetail = new(
        Names.GetOrderDetail,
        "GET",
        Templates.GetOrderDetail,
        AccessLevel.Operator
    );

    public static readonly ApiRoute AcknowledgeOrder = new(
        Names.AcknowledgeOrder,
        "POST",
        Templates.AcknowledgeOrder,
        AccessLevel.Operator
    );

    public static readonly ApiRoute ListWebhooks = new(
        Names.ListWebhooks,
        "GET",
        Templates.ListWebhooks,
        AccessLevel.Operator
    );

    public static readonly ApiRoute ReplayWebhook = new(
        Names.ReplayWebhook,
        "POST",
        Templates.ReplayWebhook,
        AccessLevel.Operator
    );

    public static readonly ApiRoute GetWebhookEndpoint = new(
        Names.GetWebhookEndpoint,
        "GET",
        Templates.GetWebhookEndpoint,
        AccessLevel.Operator
    );

    public static readonly ApiRoute EnableWebhookEndpoint = new(
        Names.EnableWebhookEndpoint,
        "POST",
        Templates.EnableWebhookEndpoint,
        AccessLevel.Operator
    );

    public static readonly ApiRoute OpsSync = new(Names.OpsSync, "POST", Templates.OpsSync, AccessLevel.Operator);

    public static readonly ApiRoute OpsSecrets = new(
        Names.OpsSecrets,
        "GET",
        Templates.OpsSecrets,
        AccessLevel.Operator
    );

    public static readonly ApiRoute DailyClose = new(
        Names.DailyClose,
        "GET",
        Templates.DailyClose,
        AccessLevel.Operator
    );

    public static readonly ApiRoute ReconcileHaiPay = new(
        Names.ReconcileHaiPay,
        "POST",
        Templates.HaiPayReconciliation,
        AccessLevel.Operator
    );

    public static readonly ApiRoute GetHaiPayReconciliation = new(
        Names.GetHaiPayReconciliation,
        "GET",
        Templates.HaiPayReconciliation,
        AccessLevel.Operator
    );

    public static readonly ApiRoute DailyCloseCsv = new(
        Names.DailyCloseCsv,
        "GET",
        Templates.DailyCloseCsv,
        AccessLevel.Operator
    );

    public static readonly ApiRoute ImportHuaweiPinExport = new(
        Names.ImportHuaweiPinExport,
        "POST",
        Templates.ImportHuaweiPinExport,
        AccessLevel.Operator
    );

    /// <summary>
    /// The operator console's page: anonymous because it carries no data and no key (its calls to the operator API
    /// send the key).
    /// </summary>
    public static readonly ApiRoute OperatorConsole = new(
        Names.OperatorConsole,
        "GET",
        Templates.OperatorConsole,
        AccessLevel.Anonymous
    );

    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        Health,
        GetOrder,
        SyncOrder,
        CreateFrame,
        HuaweiPinCallback,
        CreateCollection,
        GetCollection,
        RefundCollection,
        CreateSubscription,
        GetSubscription,
        CancelSubscription,
        HaiPayNotify,
        ListAttention,
        ResolveOrder,
        GetOrderDetail,
        AcknowledgeOrder,
        ListWebhooks,
        ReplayWebhook,
        GetWebhookEndpoint,
        EnableWebhookEndpoint,
        OpsSync,
        OpsSecrets,
        DailyClose,
        DailyCloseCsv,
        ReconcileHaiPay,
        GetHaiPayReconciliation,
        ImportHuaweiPinExport,
        OperatorConsole,
    ];

    /// <summary>Each endpoint's name: the Server's endpoint name and the Functions app's function name.</summary>
    public static class Names
    {
        public const string Health = "Health";
        public const string GetOrder = "GetOrder";
        public const string SyncOrder = "SyncOrder";
        public const string CreateFrame = "CreateHuaweiPinFrame";
        public const string HuaweiPinCallback = "HuaweiPinCallback";
        public const string CreateCollection = "CreateHaiPayCollection";
        public const string GetCollection = "GetHaiPayCollection";
        public const string RefundCollection = "RefundHaiPayCollection";
        public const string CreateSubscription = "CreateHaiPaySubscription";
        public const string GetSubscription = "GetHaiPaySubscription";
        public const string CancelSubscription = "CancelHaiPaySubscription";
        public const string HaiPayNotify = "HaiPayNotify";
        public const string ListAttention = "OpsListAttention";
        public const string ResolveOrder = "OpsResolveOrder";
        public const string GetOrderDetail = "OpsGetOrder";
        public const string AcknowledgeOrder = "OpsAcknowledgeOrder";
        public const string ListWebhooks = "OpsListWebhooks";
        public const string ReplayWebhook = "OpsReplayWebhook";
        public const string GetWebhookEndpoint = "OpsGetWebhookEndpoint";
        public const string EnableWebhookEndpoint = "OpsEnableWebhookEndpoint";
        public const string OpsSync = "OpsSync";
        public const string OpsSecrets = "OpsSecrets";
        public const string DailyClose = "OpsDailyClose";
        public const string DailyCloseCsv = "OpsDailyCloseCsv";
        public const string ReconcileHaiPay = "OpsReconcileHaiPay";
        public const string GetHaiPayReconciliation = "OpsGetHaiPayReconciliation";
        public const string ImportHuaweiPinExport = "OpsImportHuaweiPinExport";
        public const string OperatorConsole = "OperatorConsole";
    }

    /// <summary>Each endpoint's route template, relative to <see cref="Prefix"/>.</summary>
    public static class Templates
    {
        public const string Health = "health";
        public const string GetOrder = "orders/{id}";
        public const string SyncOrder = "orders/{id}/sync";
        public const string CreateFrame = "huaweipin/frames";
        public const string HuaweiPinCallback = "huaweipin/callback";
        public const string CreateCollection = "haipay/collections";
        public const string GetCollection = "haipay/collections/{orderId}";
        public const string RefundCollection = "haipay/collections/{orderId}/refunds";
        public const string CreateSubscription = "haipay/subscriptions";
        public const string GetSubscription = "haipay/subscriptions/{subscriptionId}";
        public const string CancelSubscription = "haipay/subscriptions/{subscriptionId}/cancel";
        public const string HaiPayNotify = "haipay/notify";
        public const string ListAttention = "ops/attention";
        public const string ResolveOrder = "ops/orders/{orderId}/resolution";
        public const string GetOrderDetail = "ops/orders/{orderId}";
        public const string AcknowledgeOrder = "ops/orders/{orderId}/acknowledgement";
        public const string ListWebhooks = "ops/webhooks";
        public const string ReplayWebhook = "ops/webhooks/{orderId}/{eventId}/replay";
        public const string GetWebhookEndpoint = "ops/webhooks/endpoint";
        public const string EnableWebhookEndpoint = "ops/webhooks/endpoint/enable";
        public const string OpsSync = "ops/sync";
        public const string OpsSecrets = "ops/secrets";
        public const string DailyClose = "ops/close/{day}";
        public const string DailyCloseCsv = "ops/close/{day}/csv";
        public const string HaiPayReconciliation = "ops/reconciliation/haipay/{day}";
        public const string ImportHuaweiPinExport = "ops/reconciliation/huaweipin/{day}";
        public const string OperatorConsole = "ops/console";
    }
}
