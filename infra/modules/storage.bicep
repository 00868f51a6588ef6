// The app's storage account: host storage (identity-based AzureWebJobsStorage), the deployment package
// container, and the payments tables. Shared-key access is off, so every caller uses Entra ID.
param location string
param tags object
param resourceToken string
param principalId string

var roles = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stpay${resourceToken}'
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource deployments 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: 'deployments'
}

resource assignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in items(roles): {
  name: guid(account.id, principalId, role.value)
  scope: account
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
  }
}]

output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}deployments'
output tableEndpoint string = account.properties.primaryEndpoints.table

@description('Identity-based host storage: the Functions host reaches blobs, queues and tables with the managed identity.')
output hostSettings object = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__blobServiceUri: account.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: account.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: account.properties.primaryEndpoints.table
}
