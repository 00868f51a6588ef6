// Log Analytics + Application Insights with local (key) authentication disabled: telemetry is sent with
// the app's managed identity, which gets Monitoring Metrics Publisher on the component.
param location string
param tags object
param resourceToken string
param principalId string

@description('Days logs stay at hand (interactive queries) in the workspace.')
param logRetentionDays int

@description('Days logs are kept in total; past logRetentionDays in long-term retention (search jobs and restore).')
param logTotalRetentionDays int

var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-payments-${resourceToken}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: logRetentionDays
    features: { disableLocalAuth: true }
  }
}

// The audit tables keep their rows logRetentionDays at hand and logTotalRetentionDays in all (PCI DSS 10.5.1): the
// vault's AuditEvent (AzureDiagnostics), storage reads, writes and deletes, the activity log, the app's own logs and
// Application Insights' tables.
var auditTables = [
  'AzureDiagnostics'
  'StorageBlobLogs'
  'StorageTableLogs'
  'AzureActivity'
  'FunctionAppLogs'
  'AppRequests'
  'AppTraces'
  'AppExceptions'
  'AppDependencies'
  'AppMetrics'
  'AppAvailabilityResults'
]

resource retention 'Microsoft.OperationalInsights/workspaces/tables@2022-10-01' = [
  for table in auditTables: {
    parent: workspace
    name: table
    properties: {
      retentionInDays: logRetentionDays
      totalRetentionInDays: logTotalRetentionDays
    }
  }
]

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-payments-${resourceToken}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

resource publisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, principalId, monitoringMetricsPublisher)
  scope: insights
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
  }
}

output connectionString string = insights.properties.ConnectionString
output insightsId string = insights.id
output workspaceId string = workspace.id
