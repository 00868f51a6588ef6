// Alerts on what the app reports to Application Insights (docs/operations.md is the runbook each one names).
// The app exports OpenTelemetry metrics with the Azure Monitor exporter: every instrument is a row in `customMetrics`
// per export interval (name = the instrument, valueSum / valueCount / valueMax, customDimensions = its tags); HTTP
// requests are rows in `requests`. Each rule is a log search alert on the Application Insights resource, run by the
// platform (no managed identity), and notifies one action group: e-mail to `alertEmail` (a comma-separated list), or
// nobody when it is empty (the alerts still fire and show under Azure Monitor > Alerts).
param location string
param tags object
param resourceToken string

@description('Resource id of the Application Insights component the rules query.')
param appInsightsId string

@description('E-mail addresses (comma-separated) the action group notifies; empty: the group has no receivers.')
param alertEmail string

@description('Poll lag (seconds) above which the poll-lag alert fires.')
param pollLagThresholdSeconds int

@description('Share of requests answered 5xx (percent) above which the server-error alert fires.')
param serverErrorPercentThreshold int

@description('Least number of requests in a 5-minute interval before its server-error share is judged.')
param serverErrorMinimumRequests int

var runbook = 'docs/operations.md'
var emails = filter(map(split(alertEmail, ','), address => trim(address)), address => !empty(address))

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-payments-${resourceToken}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'payments'
    enabled: true
    emailReceivers: [
      for (address, i) in emails: {
        name: 'email-${i}'
        emailAddress: address
        useCommonAlertSchema: true
      }
    ]
  }
}

// One entry per rule. The queries select rows and leave the aggregation to the alert service, which applies
// `aggregation` to the `measure` column over the window (per `dimensions` value) and compares it with `threshold`:
// a counter's rows are summed (valueSum: its increments per export interval), a gauge's largest value is taken (valueMax).
// The 5xx share is computed per 5-minute bin in the query, since a ratio cannot be summed.
var rules = [
  {
    name: 'needs-review'
    displayName: 'Payments: orders entered NeedsReview'
    description: 'An order entered NeedsReview in the last 5 minutes (payments.order.transitions, to = NeedsReview): a person must decide it. Runbook: ${runbook}#alert-orders-entered-needsreview'
    severity: 2
    frequency: 'PT5M'
    window: 'PT5M'
    query: 'customMetrics\n| where name == "payments.order.transitions" and tostring(customDimensions["to"]) == "NeedsReview"'
    measure: 'valueSum'
    aggregation: 'Total'
    threshold: 0
    dimensions: []
  }
  {
    name: 'webhooks-abandoned'
    displayName: 'Payments: merchant notifications abandoned'
    description: 'A merchant notification was abandoned after its last retry, or the endpoint answered 410 Gone and is disabled (payments.webhook.deliveries, outcome = abandoned | gone). Runbook: ${runbook}#alert-merchant-notifications-abandoned'
    severity: 2
    frequency: 'PT5M'
    window: 'PT15M'
    query: 'customMetrics\n| where name == "payments.webhook.deliveries"\n| extend Outcome = tostring(customDimensions["outcome"])\n| where Outcome in ("abandoned", "gone")'
    measure: 'valueSum'
    aggregation: 'Total'
    threshold: 0
    dimensions: [
      { name: 'Outcome', operator: 'Include', values: ['*'] }
    ]
  }
  {
    name: 'poll-lag'
    displayName: 'Payments: HaiPay status checks lagging'
    description: 'The oldest due HaiPay status check waited more than ${pollLagThresholdSeconds} s (payments.poll.lag, maximum over 15 minutes). Runbook: ${runbook}#alert-status-checks-lagging'
    severity: 2
    frequency: 'PT5M'
    window: 'PT15M'
    query: 'customMetrics\n| where name == "payments.poll.lag"'
    measure: 'valueMax'
    aggregation: 'Maximum'
    threshold: pollLagThresholdSeconds
    dimensions: []
  }
  {
    name: 'server-errors'
    displayName: 'Payments: 5xx answers'
    description: 'In a 5-minute interval of the last 15 minutes, more than ${serverErrorPercentThreshold}% of at least ${serverErrorMinimumRequests} requests were answered 5xx (requests, resultCode >= 500). Runbook: ${runbook}#alert-5xx-answers'
    severity: 1
    frequency: 'PT5M'
    window: 'PT15M'
    query: 'requests\n| summarize Requests = count(), Failed = countif(toint(resultCode) >= 500) by bin(timestamp, 5m)\n| where Requests >= ${serverErrorMinimumRequests}\n| extend FailedPercent = 100.0 * Failed / Requests'
    measure: 'FailedPercent'
    aggregation: 'Maximum'
    threshold: serverErrorPercentThreshold
    dimensions: []
  }
  {
    name: 'keyvault-failures'
    displayName: 'Payments: Key Vault reads failing'
    description: 'A secret read from Key Vault failed in the last 5 minutes (payments.keyvault.reads, outcome = failure): the app serves the last value it has, or 503 without one. Runbook: ${runbook}#alert-key-vault-reads-failing'
    severity: 1
    frequency: 'PT5M'
    window: 'PT5M'
    query: 'customMetrics\n| where name == "payments.keyvault.reads" and tostring(customDimensions["outcome"]) == "failure"'
    measure: 'valueSum'
    aggregation: 'Total'
    threshold: 0
    dimensions: []
  }
]

resource alerts 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for rule in rules: {
    name: 'alert-payments-${rule.name}-${resourceToken}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: rule.displayName
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [appInsightsId]
      evaluationFrequency: rule.frequency
      windowSize: rule.window
      autoMitigate: true
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: rule.aggregation
            metricMeasureColumn: rule.measure
            operator: 'GreaterThan'
            threshold: rule.threshold
            dimensions: rule.dimensions
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      actions: {
        actionGroups: [actionGroup.id]
        customProperties: {
          runbook: runbook
        }
      }
    }
  }
]

output actionGroupId string = actionGroup.id
