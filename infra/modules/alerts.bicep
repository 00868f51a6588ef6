// Alerts on what the app reports to Application Insights (docs/operations.md is the runbook each one names).
// The app exports OpenTelemetry metrics with the Azure Monitor exporter: every instrument is a row in `customMetrics`
// per export interval (name = the instrument, valueSum / valueCount / valueMax, customDimensions = its tags); HTTP
// requests are rows in `requests`. Each rule is a log search alert on the Application Insights resource, run by the
// platform (no managed identity), and notifies one action group: e-mail to `alertEmail` (a comma-separated list).
// Beside them: a standard availability test on /api/health with its metric alert, activity-log alerts on role
// assignments and on diagnostic settings deleted, and a log search alert on the workspace for Key Vault secret and key
// changes.
param location string
param tags object
param resourceToken string

@description('Resource id of the Application Insights component the rules query.')
param appInsightsId string

@description('Resource id of the Log Analytics workspace holding the vault\'s AuditEvent log.')
param workspaceId string

@description('The app\'s /api/health address, probed by the availability test.')
param healthUrl string

@description('E-mail addresses (comma-separated) the action group notifies.')
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

// A standard availability test: GET /api/health from five regions every 5 minutes, 200 expected, TLS checked.
resource health 'Microsoft.Insights/webtests@2022-06-15' = {
  name: 'webtest-payments-health-${resourceToken}'
  location: location
  // The hidden link ties the test to the component: its results land in availabilityResults.
  tags: union(tags, { 'hidden-link:${appInsightsId}': 'Resource' })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: 'webtest-payments-health-${resourceToken}'
    Name: 'Payments /api/health'
    Kind: 'standard'
    Enabled: true
    Frequency: 300
    Timeout: 30
    RetryEnabled: true
    Locations: [
      { Id: 'emea-nl-ams-azr' }
      { Id: 'us-va-ash-azr' }
      { Id: 'apac-sg-sin-azr' }
      { Id: 'emea-gb-db3-azr' }
      { Id: 'us-ca-sjc-azr' }
    ]
    Request: {
      RequestUrl: healthUrl
      HttpVerb: 'GET'
      ParseDependentRequests: false
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      SSLCheck: true
      SSLCertRemainingLifetimeCheck: 7
    }
  }
}

resource healthAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-payments-health-${resourceToken}'
  location: 'global'
  tags: tags
  properties: {
    description: '/api/health failed from at least 2 of 5 test locations (availability test). Runbook: ${runbook}#alert-health-check-failing'
    severity: 1
    enabled: true
    scopes: [health.id, appInsightsId]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    autoMitigate: true
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria'
      webTestId: health.id
      componentId: appInsightsId
      failedLocationCount: 2
    }
    actions: [{ actionGroupId: actionGroup.id }]
  }
}

// Any role assignment created or removed anywhere in the subscription (the activity log, Administrative category).
resource roleChanges 'Microsoft.Insights/activityLogAlerts@2020-10-01' = {
  name: 'alert-payments-role-assignments-${resourceToken}'
  location: 'global'
  tags: tags
  properties: {
    description: 'A role assignment was created or deleted in the subscription. Runbook: ${runbook}#alert-role-assignment-changed'
    enabled: true
    scopes: [subscription().id]
    condition: {
      allOf: [
        { field: 'category', equals: 'Administrative' }
        {
          anyOf: [
            { field: 'operationName', equals: 'Microsoft.Authorization/roleAssignments/write' }
            { field: 'operationName', equals: 'Microsoft.Authorization/roleAssignments/delete' }
          ]
        }
      ]
    }
    actions: {
      actionGroups: [{ actionGroupId: actionGroup.id }]
    }
  }
}

// A diagnostic setting removed anywhere in the subscription: the audit trail of a resource stops at that moment.
resource diagnosticsRemoved 'Microsoft.Insights/activityLogAlerts@2020-10-01' = {
  name: 'alert-payments-diagnostic-settings-${resourceToken}'
  location: 'global'
  tags: tags
  properties: {
    description: 'A diagnostic setting was deleted in the subscription: a resource may have stopped sending its audit logs to the workspace. Runbook: ${runbook}#alert-diagnostic-setting-deleted'
    enabled: true
    scopes: [subscription().id]
    condition: {
      allOf: [
        { field: 'category', equals: 'Administrative' }
        { field: 'operationName', equals: 'Microsoft.Insights/diagnosticSettings/delete' }
      ]
    }
    actions: {
      actionGroups: [{ actionGroupId: actionGroup.id }]
    }
  }
}

// Secret and key writes and deletes in the vault's AuditEvent log (AzureDiagnostics), one alert per operation and caller.
var vaultChangeOperations = [
  'SecretSet'
  'SecretDelete'
  'SecretPurge'
  'SecretRestore'
  'SecretUpdate'
  'KeyCreate'
  'KeyImport'
  'KeyUpdate'
  'KeyRotate'
  'KeyDelete'
  'KeyPurge'
  'KeyRestore'
]

resource vaultChanges 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-payments-keyvault-changes-${resourceToken}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Payments: Key Vault secret or key changed'
    description: 'A secret or key in the payments vault was set, updated, deleted, purged or restored (AuditEvent). Runbook: ${runbook}#alert-key-vault-secret-or-key-changed'
    severity: 2
    enabled: true
    scopes: [workspaceId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    autoMitigate: false
    criteria: {
      allOf: [
        {
          query: 'AzureDiagnostics\n| where ResourceProvider == "MICROSOFT.KEYVAULT" and Category == "AuditEvent"\n| where OperationName in (${join(map(vaultChangeOperations, o => '"${o}"'), ', ')})\n| extend Caller = coalesce(tostring(column_ifexists("identity_claim_http_schemas_xmlsoap_org_ws_2005_05_identity_claims_upn_s", "")), tostring(column_ifexists("identity_claim_oid_g", "")), CallerIPAddress)'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          dimensions: [
            { name: 'OperationName', operator: 'Include', values: ['*'] }
            { name: 'Caller', operator: 'Include', values: ['*'] }
          ]
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

// A webhook signing secret found malformed (WebhookSecretCheck, event id 6501, logged as an error at start and by every
// health check that reads it again). Worker logs reach the workspace's AppTraces through the Functions host, which does
// not always carry the event id as a property: the query matches the logged message as well.
resource webhookSecretMalformed 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-payments-webhook-secret-malformed-${resourceToken}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Payments: webhook signing secret malformed'
    description: 'A webhook signing secret (current or previous) is not whsec_ followed by Base64 of at least 24 bytes (event id 6501): no merchant notification can be signed and /api/health answers 503. Runbook: ${runbook}#alert-webhook-signing-secret-malformed'
    severity: 1
    enabled: true
    scopes: [workspaceId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: 'AppTraces\n| where tostring(Properties["EventId"]) == "6501" or Message has "is not a Standard Webhooks secret"\n| extend Secret = extract(@"signing secret (\\S+) is not", 1, Message)'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          dimensions: [
            { name: 'Secret', operator: 'Include', values: ['*'] }
          ]
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
