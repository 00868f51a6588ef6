// A storage account with shared-key access off, so every caller uses Entra ID. Called once for the payments tables
// (and, unless main.bicep's `separateHostStorage` is on, also the Functions host storage and the deployment package
// container), and once more for the host alone when it is on. `privateNetworking`: public network access off and a
// private endpoint per service the account serves.
param location string
param tags object
param name string
param principalId string

@description('The account is the Functions host storage (identity-based AzureWebJobsStorage) and holds the deployment package container.')
param hostStorage bool

@description('Public network access off; a private endpoint per service in `endpointSubnetId`.')
param privateNetworking bool = false
param endpointSubnetId string = ''
param zoneIds object = {}

@description('Replication: ZRS (three zones in the region) or GZRS / RAGZRS (plus a copy in the paired region).')
@allowed(['ZRS', 'GZRS', 'RAGZRS'])
param redundancy string = 'ZRS'

@description('A second layer of encryption at rest. Settable only when the account is created: false for an account made without it.')
param infrastructureEncryption bool = true

@description('A CanNotDelete lock on the account.')
param deleteLock bool = false

@description('Log Analytics workspace the blob and table services send their read, write and delete logs to.')
param workspaceId string

@description('The role the app writes its tables with: table data and table creation, no table delete (resources.bicep).')
param tableRoleDefinitionId string

// Least privilege (the table in infra/README.md): blobs only in the containers the host and the deployment use, and
// tables through a role that cannot delete a table, so the audit months stay until an operator drops them.
var blobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

// The Functions host's own containers (timer schedules and locks, its keys) and Flex Consumption's package container:
// declared here so that each is a role assignment's scope.
var hostContainers = ['azure-webjobs-hosts', 'azure-webjobs-secrets', 'deployments']

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_${redundancy}' }
  properties: {
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: infrastructureEncryption
    }
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
    networkAcls: { defaultAction: privateNetworking ? 'Deny' : 'Allow', bypass: 'None' }
  }
}

// Versions and soft delete keep an overwritten or deleted deployment package (and container) for 7 days.
resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: { enabled: true, days: 7 }
    containerDeleteRetentionPolicy: { enabled: true, days: 7 }
  }
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

// Who read, wrote or deleted which blob and which table row (StorageBlobLogs, StorageTableLogs in the workspace).
var storageLogs = [
  { category: 'StorageRead', enabled: true }
  { category: 'StorageWrite', enabled: true }
  { category: 'StorageDelete', enabled: true }
]

resource blobAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-workspace'
  scope: blobs
  properties: {
    workspaceId: workspaceId
    logs: storageLogs
  }
}

resource tableAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-workspace'
  scope: tables
  properties: {
    workspaceId: workspaceId
    logs: storageLogs
  }
}

resource lock 'Microsoft.Authorization/locks@2020-05-01' = if (deleteLock) {
  name: 'payments-no-delete'
  scope: account
  properties: {
    level: 'CanNotDelete'
    notes: 'Payments and audit tables. Remove this lock before azd down (docs/operations.md).'
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for container in hostContainers: if (hostStorage) {
  parent: blobs
  name: container
}]

resource containerWriters 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (container, i) in hostContainers: if (hostStorage) {
  name: guid(account.id, container, principalId, blobDataContributor)
  scope: containers[i]
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributor)
  }
}]

resource tableWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(tables.id, principalId, tableRoleDefinitionId)
  scope: tables
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: tableRoleDefinitionId
  }
}

module endpoints 'privateendpoint.bicep' = if (privateNetworking) {
  name: '${name}-endpoints'
  params: {
    location: location
    tags: tags
    name: name
    resourceId: account.id
    groupIds: hostStorage ? ['blob', 'queue', 'table'] : ['table']
    subnetId: endpointSubnetId
    zoneIds: zoneIds
  }
}

output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}deployments'
output tableEndpoint string = account.properties.primaryEndpoints.table

@description('Identity-based host storage: the Functions host reaches blobs, queues and tables with the managed identity.')
output hostSettings object = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__blobServiceUri: account.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: account.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: account.properties.primaryEndpoints.table
}
