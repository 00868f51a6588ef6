// An Azure Monitor workbook on Application Insights: one chart per `payments.*` instrument the app emits (names as in
// Payments.Http.Telemetry.PaymentsTelemetry.Instruments; a test compares them), plus the 5xx share the alert computes.
// Every instrument is a `customMetrics` row per export interval: a counter's total is sum(valueSum), a histogram's mean
// sum(valueSum) / sum(valueCount), a gauge's worst max(valueMax). Runbook: docs/operations.md#dashboard.
param location string
param tags object
param resourceToken string

@description('Resource id of the Application Insights component the charts query.')
param appInsightsId string

var charts = [
  {
    title: 'Order status changes, by target status (payments.order.transitions)'
    query: 'customMetrics\n| where name == "payments.order.transitions"\n| summarize changes = sum(valueSum) by to = tostring(customDimensions["to"]), bin(timestamp, 15m)'
  }
  {
    title: 'Provider callbacks and notifications, by outcome (payments.callbacks)'
    query: 'customMetrics\n| where name == "payments.callbacks"\n| summarize messages = sum(valueSum) by outcome = strcat(tostring(customDimensions["provider"]), " ", tostring(customDimensions["outcome"])), bin(timestamp, 15m)'
  }
  {
    title: 'Provider calls, by outcome (payments.provider.calls)'
    query: 'customMetrics\n| where name == "payments.provider.calls"\n| summarize calls = sum(valueSum) by outcome = strcat(tostring(customDimensions["provider"]), " ", tostring(customDimensions["operation"]), " ", tostring(customDimensions["outcome"])), bin(timestamp, 15m)'
  }
  {
    title: 'Provider call latency, mean and worst in seconds (payments.provider.call.duration)'
    query: 'customMetrics\n| where name == "payments.provider.call.duration"\n| summarize mean_s = sum(valueSum) / sum(valueCount), worst_s = max(valueMax) by bin(timestamp, 5m)'
  }
  {
    title: 'Poll lag, seconds (payments.poll.lag)'
    query: 'customMetrics\n| where name == "payments.poll.lag"\n| summarize lag_s = max(valueMax) by bin(timestamp, 5m)'
  }
  {
    title: 'Merchant notifications, by outcome (payments.webhook.deliveries)'
    query: 'customMetrics\n| where name == "payments.webhook.deliveries"\n| summarize deliveries = sum(valueSum) by outcome = tostring(customDimensions["outcome"]), bin(timestamp, 15m)'
  }
  {
    title: 'Notifications due per dispatcher run (payments.webhook.backlog)'
    query: 'customMetrics\n| where name == "payments.webhook.backlog"\n| summarize backlog = max(valueMax) by bin(timestamp, 5m)'
  }
  {
    title: 'Key Vault reads, by outcome (payments.keyvault.reads)'
    query: 'customMetrics\n| where name == "payments.keyvault.reads"\n| summarize reads = sum(valueSum) by outcome = tostring(customDimensions["outcome"]), bin(timestamp, 15m)'
  }
  {
    title: 'Rate-limit rejections, by route (payments.ratelimit.rejections)'
    query: 'customMetrics\n| where name == "payments.ratelimit.rejections"\n| summarize rejected = sum(valueSum) by route = tostring(customDimensions["route"]), bin(timestamp, 15m)'
  }
  {
    title: 'Share of requests answered 5xx, percent'
    query: 'requests\n| summarize failed_percent = 100.0 * countif(toint(resultCode) >= 500) / count() by bin(timestamp, 5m)'
  }
]

var items = [for (chart, i) in charts: {
  type: 3
  name: 'chart-${i}'
  content: {
    version: 'KqlItem/1.0'
    title: chart.title
    query: chart.query
    size: 0
    timeContext: { durationMs: 86400000 }
    queryType: 0
    resourceType: 'microsoft.insights/components'
    visualization: 'timechart'
  }
}]

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, 'payments-workbook', resourceToken)
  location: location
  tags: union(tags, { 'hidden-title': 'Payments' })
  kind: 'shared'
  properties: {
    displayName: 'Payments'
    category: 'workbook'
    sourceId: appInsightsId
    serializedData: string({
      version: 'Notebook/1.0'
      items: items
      fallbackResourceIds: [appInsightsId]
    })
  }
}

output id string = workbook.id
