// Everything inside the resource group; main.bicep creates the group and calls this.
param location string
param tags object
param resourceToken string
param instanceMemoryMB int
param maximumInstanceCount int
param vaultOfficerPrincipalId string

@description('Whether vaultOfficerPrincipalId is made Key Vault Secrets Officer.')
param grantDeployerVaultOfficer bool
param huaweiPinBaseUrl string
param huaweiPinCurrency string
param huaweiPinAmountUnit string
param haiPayBaseUrl string

@description('HaiPay merchant accounts: [{ currency: \'USD\', appId: \'1054\' }, ...].')
param haiPayAccounts array
param merchantWebhookUrl string

@description('Storage and Key Vault reachable only through private endpoints; the app through VNet integration.')
param privateNetworking bool
param vnetAddressPrefix string

@description('The Functions host storage in an account of its own, apart from the payments tables.')
param separateHostStorage bool

@description('default, or recover: bring back the soft-deleted vault of the same name.')
param keyVaultCreateMode string

@description('Storage replication: ZRS, GZRS or RAGZRS.')
param storageRedundancy string

@description('Infrastructure encryption on the storage accounts (only when they are created).')
param storageInfrastructureEncryption bool

@description('CanNotDelete locks on the storage accounts and the vault.')
param resourceLocks bool

param logRetentionDays int
param logTotalRetentionDays int

@description('Client id of the app registration operators sign in to (App Service Authentication).')
param operatorClientId string

var functionAppName = 'func-payments-${resourceToken}'
var currencies = map(haiPayAccounts, account => toUpper(account.currency))

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-payments-${resourceToken}'
  location: location
  tags: tags
}

// The app's table role: Storage Table Data Contributor without `tables/delete`. The app creates each audit month's
// table and writes, reads and deletes rows (once-markers, index rows), but cannot drop a table: expired audit months are
// dropped by an operator (docs/operations.md#expired-audit-months). Custom role names are unique in the tenant.
resource tableWriterRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'payments-table-writer')
  properties: {
    roleName: 'Payments Table Writer (${resourceGroup().name})'
    description: 'Payments app: read, add, update and delete table entities; list and create tables; never delete a table.'
    type: 'CustomRole'
    assignableScopes: [resourceGroup().id]
    permissions: [
      {
        actions: [
          'Microsoft.Storage/storageAccounts/tableServices/tables/read'
          'Microsoft.Storage/storageAccounts/tableServices/tables/write'
        ]
        notActions: []
        dataActions: [
          'Microsoft.Storage/storageAccounts/tableServices/tables/entities/read'
          'Microsoft.Storage/storageAccounts/tableServices/tables/entities/write'
          'Microsoft.Storage/storageAccounts/tableServices/tables/entities/delete'
          'Microsoft.Storage/storageAccounts/tableServices/tables/entities/add/action'
          'Microsoft.Storage/storageAccounts/tableServices/tables/entities/update/action'
        ]
        notDataActions: []
      }
    ]
  }
}

module monitoring 'monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
    principalId: identity.properties.principalId
    logRetentionDays: logRetentionDays
    logTotalRetentionDays: logTotalRetentionDays
  }
}

module network 'network.bicep' = if (privateNetworking) {
  name: 'network'
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
    addressPrefix: vnetAddressPrefix
  }
}

// The payments tables; also the host storage unless separateHostStorage.
module storage 'storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    tags: tags
    name: 'stpay${resourceToken}'
    principalId: identity.properties.principalId
    hostStorage: !separateHostStorage
    privateNetworking: privateNetworking
    endpointSubnetId: privateNetworking ? network!.outputs.endpointSubnetId : ''
    zoneIds: privateNetworking ? network!.outputs.zoneIds : {}
    redundancy: storageRedundancy
    infrastructureEncryption: storageInfrastructureEncryption
    deleteLock: resourceLocks
    workspaceId: monitoring.outputs.workspaceId
    tableRoleDefinitionId: tableWriterRole.id
  }
}

// With separateHostStorage, an outage of the payments account leaves the Functions host running (docs/operations.md).
module hostStorage 'storage.bicep' = if (separateHostStorage) {
  name: 'host-storage'
  params: {
    location: location
    tags: tags
    name: 'sthost${resourceToken}'
    principalId: identity.properties.principalId
    hostStorage: true
    privateNetworking: privateNetworking
    endpointSubnetId: privateNetworking ? network!.outputs.endpointSubnetId : ''
    zoneIds: privateNetworking ? network!.outputs.zoneIds : {}
    redundancy: storageRedundancy
    infrastructureEncryption: storageInfrastructureEncryption
    deleteLock: resourceLocks
    workspaceId: monitoring.outputs.workspaceId
    tableRoleDefinitionId: tableWriterRole.id
  }
}

module vault 'keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
    principalId: identity.properties.principalId
    vaultOfficerPrincipalId: vaultOfficerPrincipalId
    grantOfficer: grantDeployerVaultOfficer
    haiPayCurrencies: currencies
    createMode: keyVaultCreateMode
    privateNetworking: privateNetworking
    endpointSubnetId: privateNetworking ? network!.outputs.endpointSubnetId : ''
    zoneIds: privateNetworking ? network!.outputs.zoneIds : {}
    deleteLock: resourceLocks
    workspaceId: monitoring.outputs.workspaceId
  }
}

var host = separateHostStorage ? hostStorage!.outputs : storage.outputs

module app 'functionapp.bicep' = {
  name: 'functionapp'
  params: {
    location: location
    tags: tags
    name: functionAppName
    resourceToken: resourceToken
    identityId: identity.id
    identityClientId: identity.properties.clientId
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    deploymentContainerUrl: host.deploymentContainerUrl
    virtualNetworkSubnetId: privateNetworking ? network!.outputs.appSubnetId : ''
    appInsightsConnectionString: monitoring.outputs.connectionString
    workspaceId: monitoring.outputs.workspaceId
    operatorClientId: operatorClientId
    // Settings that are the app's own https address (its defaultHostName) followed by a path.
    hostUrlSettings: {
      HaiPay__NotifyUrl: '/api/haipay/notify'
    }
    appSettings: union(host.hostSettings, {
      // Payments.Azure: tables through managed identity (never a connection string in Azure).
      PaymentsStorage__TableServiceUri: storage.outputs.tableEndpoint
      PaymentsStorage__TablePrefix: 'pay'
      PaymentsStorage__Timeout: '00:00:10'
      // Payments.Azure: provider secrets from Key Vault, cached in memory.
      KeyVault__VaultUri: vault.outputs.uri
      KeyVault__RefreshInterval: '00:30:00'
      KeyVault__MinRefreshInterval: '00:00:30'
      KeyVault__Timeout: '00:00:10'
      // HUAWEIPIN
      HuaweiPin__BaseUrl: huaweiPinBaseUrl
      HuaweiPin__Timeout: '00:00:15'
      HuaweiPin__FrameLifetime: '3.00:00:00'
      HuaweiPin__SuccessStatuses__0: 'success'
      HuaweiPin__FailureStatuses__0: 'failed'
      HuaweiPin__Currency: huaweiPinCurrency
      HuaweiPin__AmountUnit: huaweiPinAmountUnit
      Reconciliation__HuaweiPin__OrderIdColumn: 'merchant_oid'
      Reconciliation__HuaweiPin__AmountColumn: 'amount'
      Reconciliation__HuaweiPin__StatusColumn: 'status'
      Reconciliation__HuaweiPin__TimeColumn: 'date'
      Reconciliation__HuaweiPin__PaidStatuses__0: 'success'
      Reconciliation__HuaweiPin__MaxBytes: '5242880'
      Reconciliation__HuaweiPin__MaxRows: '100000'
      ExpireFramesSchedule: '0 */5 * * * *'
      // Links a provider hands us reach customers only as absolute https links
      Links__AllowHttp: 'false'
      // HaiPay
      HaiPay__BaseUrl: haiPayBaseUrl
      HaiPay__Timeout: '00:00:15'
      // The merchant keys are non-exportable Key Vault keys HaiPay-<CUR>-MerchantKey: the vault signs (docs/operations.md).
      HaiPay__Signing: 'KeyVaultKey'
      HaiPay__Checks__First: '00:01:00'
      HaiPay__Checks__Quick: '00:05:00'
      HaiPay__Checks__QuickCount: '5'
      HaiPay__Checks__Slow: '01:00:00'
      HaiPay__Checks__GiveUpAfter: '3.00:00:00'
      HaiPay__OrderNotFoundErrors__0: '4004'
      HaiPay__CredentialErrors__0: '1001'
      HaiPay__CredentialErrors__1: '1002'
      HaiPay__AbsentGrace: '00:10:00'
      HaiPay__ClaimLease: '00:02:00'
      HaiPay__UnverifiedQueryInterval: '00:05:00'
      HaiPay__UnverifiedQueryBudget: '60'
      HaiPay__UnverifiedQueryBudgetPeriod: '00:01:00'
      Audit__UnverifiedPerPartition: '1000'
      // Audit months are whole tables; the app's role cannot drop a table, so an operator drops those past retention
      Audit__Retention: '400.00:00:00'
      Audit__DropExpiredMonths: 'false'
      AuditPurgeSchedule: '0 43 3 * * *'
      HaiPay__PollBatchSize: '200'
      HaiPay__PollConcurrency: '4'
      HaiPay__MinAmount: '0.99'
      HaiPay__MaxAmount: '1000.00'
      HaiPayPollSchedule: '0 */1 * * * *'
      // Reconciliation with the providers (daily close)
      ReconcileSchedule: '0 30 1 * * *'
      Reconciliation__StaleAfter: '1.00:00:00'
      Reconciliation__QueriesPerSecond: '5'
      Reconciliation__MaxOpenPerRun: '10000'
      // Idempotency-Key
      Idempotency__Expiry: '1.00:00:00'
      Idempotency__Lease: '00:02:00'
      IdempotencyPurgeSchedule: '0 17 3 * * *'
      // Outbound notifications to the merchant (Standard Webhooks; signing secrets in Key Vault)
      Webhooks__Url: merchantWebhookUrl
      Webhooks__Timeout: '00:00:05'
      Webhooks__RetrySchedule__0: '00:01:00'
      Webhooks__RetrySchedule__1: '00:05:00'
      Webhooks__RetrySchedule__2: '00:30:00'
      Webhooks__RetrySchedule__3: '02:00:00'
      Webhooks__RetrySchedule__4: '06:00:00'
      Webhooks__RetrySchedule__5: '12:00:00'
      Webhooks__RetrySchedule__6: '1.00:00:00'
      Webhooks__BatchSize: '200'
      Webhooks__Concurrency: '8'
      // With nothing due, the dispatcher's timer runs skip the outbox queries for this long (docs/scale.md: idle baseline)
      Webhooks__IdleInterval: '00:01:00'
      DeliverWebhooksSchedule: '*/15 * * * * *'
      // Per-client-address limit on the anonymous provider endpoints. No RateLimiting__ClientAddressHeader: the
      // worker's forwarded-headers middleware already moved the entry the platform appended to X-Forwarded-For into
      // the connection's remote address, and what is left in that header is whatever the client sent.
      RateLimiting__PermitLimit: '600'
      RateLimiting__Window: '00:01:00'
      // Operator routes take only an App Service Authentication principal with the Payments.Operator role
      Operators__Authentication: 'EntraId'
    }, toObject(haiPayAccounts, account => 'HaiPay__Accounts__${toUpper(account.currency)}__AppId', account => string(account.appId)))
  }
}

output functionAppName string = app.outputs.name
output functionAppUrl string = app.outputs.url
output appInsightsId string = monitoring.outputs.insightsId
output workspaceId string = monitoring.outputs.workspaceId
output keyVaultName string = vault.outputs.name
output keyVaultUri string = vault.outputs.uri
output secretNames array = vault.outputs.secretNames
output requiredSecretNames array = vault.outputs.requiredSecretNames
