// The payments service in one resource group: a Function App on Flex Consumption running as a
// user-assigned managed identity, its storage (shared-key access off), Key Vault (RBAC) for the provider
// secrets, Application Insights on Log Analytics (local auth off) and log search alerts on it (runbook:
// docs/operations.md). No keys or secrets in app settings.
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('azd environment name; names and tags every resource.')
param environmentName string

// Regions that offer Flex Consumption (`az functionapp list-flexconsumption-locations`); azd offers only these.
@minLength(1)
@description('Region of every resource (one that offers Flex Consumption).')
@allowed([
  'australiaeast'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'northcentralus'
  'northeurope'
  'southcentralus'
  'southeastasia'
  'swedencentral'
  'uksouth'
  'westcentralus'
  'westeurope'
  'westus2'
])
@metadata({ azd: { type: 'location' } })
param location string

@description('Flex Consumption instance memory in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Upper bound of Flex Consumption instances.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Object id of a person or group that may write the provider secrets (Key Vault Secrets Officer). Empty: nobody.')
param vaultOfficerPrincipalId string = ''

@description('Make vaultOfficerPrincipalId Key Vault Secrets Officer. true for dev; false in production, where the role is granted for a rotation and removed after (docs/operations.md).')
param grantDeployerVaultOfficer bool = true

@description('HUAWEIPIN GetFrame base URL.')
param huaweiPinBaseUrl string = 'https://payment.huaweigiftcard.org'

@description('ISO currency of the HUAWEIPIN account, recorded with every frame (required; e.g. USD).')
@minLength(3)
@maxLength(3)
param huaweiPinCurrency string

@description('Unit of the HUAWEIPIN callback amount, confirmed with HUAWEIPIN before go-live: major (10.50) or minor (1050). No default.')
@allowed(['major', 'minor'])
param huaweiPinAmountUnit string

@description('HaiPay API base URL (UAT by default; production is issued at go-live).')
param haiPayBaseUrl string = 'https://uat-interface.haipay.asia'

@description('HaiPay merchant accounts, one per currency: [{ "currency": "USD", "appId": "1054" }]. Each sets HaiPay:Accounts:<CUR>:AppId and names three vault secrets HaiPay-<CUR>-*.')
@minLength(1)
param haiPayAccounts array

@description('The merchant back end\'s https endpoint for signed order notifications (Standard Webhooks); empty: none are sent.')
param merchantWebhookUrl string = ''

@description('Storage and Key Vault reachable only through private endpoints (public network access off) and the app\'s outbound traffic through a virtual network. About USD 40 a month more (docs/deploy.md).')
param privateNetworking bool = false

@description('Address space of the virtual network when privateNetworking is on (a /16 to /23; two /24 subnets are taken).')
param vnetAddressPrefix string = '10.90.0.0/16'

@description('The Functions host storage in a storage account of its own, so an outage of the payments account does not stop the host (docs/operations.md).')
param separateHostStorage bool = false

@description('default: create the Key Vault; recover: bring back the soft-deleted vault of the same name (set by the preprovision hook after azd down).')
@allowed(['default', 'recover'])
param keyVaultCreateMode string = 'default'

@description('E-mail address(es), comma-separated, the alerts notify (azd: ALERT_EMAIL; required, azd asks for it).')
@minLength(3)
param alertEmail string

@description('Client (application) id of the Entra ID app registration operators sign in to, with the Payments.Operator app role (azd: OPERATOR_CLIENT_ID, set by infra/hooks/operator-app.sh).')
@minLength(36)
@maxLength(36)
param operatorClientId string

@description('Storage replication: ZRS (three zones, the default) or GZRS / RAGZRS (also the paired region; production).')
@allowed(['ZRS', 'GZRS', 'RAGZRS'])
param storageRedundancy string = 'ZRS'

@description('Infrastructure (double) encryption on new storage accounts; settable only at creation: false for an environment whose accounts were made without it.')
param storageInfrastructureEncryption bool = true

@description('CanNotDelete locks on the storage accounts and the Key Vault (remove them before azd down: docs/operations.md).')
param resourceLocks bool = false

@description('Days the audit and app logs stay at hand in Log Analytics (PCI DSS 10.5.1: at least the last 3 months).')
@minValue(90)
@maxValue(730)
param logRetentionDays int = 90

@description('Days the audit and app logs are kept in total, the rest in long-term retention (PCI DSS 10.5.1: 12 months).')
@minValue(365)
@maxValue(4383)
param logTotalRetentionDays int = 365

@description('Poll lag in seconds (oldest due HaiPay status check) above which an alert fires.')
@minValue(60)
param pollLagThresholdSeconds int = 900

@description('Share of 5xx answers in percent above which an alert fires.')
@minValue(1)
@maxValue(100)
param serverErrorPercentThreshold int = 5

@description('Least number of requests in a 5-minute interval before its 5xx share is judged.')
@minValue(1)
param serverErrorMinimumRequests int = 20

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module resources 'modules/resources.bicep' = {
  name: 'payments-resources'
  scope: group
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    vaultOfficerPrincipalId: vaultOfficerPrincipalId
    grantDeployerVaultOfficer: grantDeployerVaultOfficer
    huaweiPinBaseUrl: huaweiPinBaseUrl
    huaweiPinCurrency: huaweiPinCurrency
    huaweiPinAmountUnit: huaweiPinAmountUnit
    haiPayBaseUrl: haiPayBaseUrl
    haiPayAccounts: haiPayAccounts
    merchantWebhookUrl: merchantWebhookUrl
    privateNetworking: privateNetworking
    vnetAddressPrefix: vnetAddressPrefix
    separateHostStorage: separateHostStorage
    keyVaultCreateMode: keyVaultCreateMode
    storageRedundancy: storageRedundancy
    storageInfrastructureEncryption: storageInfrastructureEncryption
    resourceLocks: resourceLocks
    logRetentionDays: logRetentionDays
    logTotalRetentionDays: logTotalRetentionDays
    operatorClientId: operatorClientId
  }
}

// The subscription's activity log (who created, changed or deleted which resource or role assignment) to the workspace.
resource activityLog 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'payments-activity-${environmentName}'
  properties: {
    workspaceId: resources.outputs.workspaceId
    logs: [
      for category in ['Administrative', 'Security', 'Policy', 'Alert']: {
        category: category
        enabled: true
      }
    ]
  }
}

// Log search alerts on Application Insights and the action group they notify (runbook: docs/operations.md).
module alerts 'modules/alerts.bicep' = {
  name: 'payments-alerts'
  scope: group
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
    appInsightsId: resources.outputs.appInsightsId
    workspaceId: resources.outputs.workspaceId
    healthUrl: '${resources.outputs.functionAppUrl}/api/health'
    alertEmail: alertEmail
    pollLagThresholdSeconds: pollLagThresholdSeconds
    serverErrorPercentThreshold: serverErrorPercentThreshold
    serverErrorMinimumRequests: serverErrorMinimumRequests
  }
}

// The operators' dashboard: a chart per payments.* instrument (runbook: docs/operations.md#dashboard).
module workbook 'modules/workbook.bicep' = {
  name: 'payments-workbook'
  scope: group
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
    appInsightsId: resources.outputs.appInsightsId
  }
}

output AZURE_RESOURCE_GROUP string = group.name
output AZURE_FUNCTION_APP_NAME string = resources.outputs.functionAppName
output FUNCTION_APP_URL string = resources.outputs.functionAppUrl
output HAIPAY_NOTIFY_URL string = '${resources.outputs.functionAppUrl}/api/haipay/notify'
output HUAWEIPIN_CALLBACK_URL string = '${resources.outputs.functionAppUrl}/api/huaweipin/callback'
output AZURE_KEY_VAULT_NAME string = resources.outputs.keyVaultName
output AZURE_KEY_VAULT_URI string = resources.outputs.keyVaultUri
output KEY_VAULT_SECRET_NAMES array = resources.outputs.secretNames
output KEY_VAULT_REQUIRED_SECRET_NAMES array = resources.outputs.requiredSecretNames
output PAYMENTS_WORKBOOK_ID string = workbook.outputs.id
