// Key Vault in RBAC mode for the provider secrets. The template names them (the app reads exactly these)
// but never holds their values: put them in with `az keyvault secret set` (docs/deploy.md; the postprovision hook
// creates the webhook signing secret and lists the others). Soft delete with purge protection: a deleted vault is kept
// 90 days under its name and cannot be purged, so a vault of the same name left by `azd down` is recovered
// (`createMode: 'recover'`, chosen by the preprovision hook), its secrets with it.
param location string
param tags object
param resourceToken string
param principalId string
param vaultOfficerPrincipalId string

@description('Make vaultOfficerPrincipalId Key Vault Secrets Officer (off in production: granted for a rotation only).')
param grantOfficer bool

@description('HaiPay account currencies (upper case): two secrets and the signing key HaiPay-<CUR>-MerchantKey each.')
param haiPayCurrencies array

@description('default: a new vault; recover: bring back the soft-deleted vault of this name.')
@allowed(['default', 'recover'])
param createMode string

@description('Public network access off; a private endpoint in `endpointSubnetId`.')
param privateNetworking bool = false
param endpointSubnetId string = ''
param zoneIds object = {}

@description('Log Analytics workspace that receives the vault\'s AuditEvent log (every secret and key operation, by whom) and metrics.')
param workspaceId string

@description('A CanNotDelete lock on the vault.')
param deleteLock bool = false

var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var secretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
var cryptoUser = '12338af0-0e69-4776-bea7-57ae8d297424'

// The secrets the app reads (Payments.Core SecretNames): the ones it needs, a HaiPay pair per configured currency,
// and the two that are set only while a key is being rotated (blank outside a rotation, never deleted: docs/operations.md).
// The HaiPay merchant private key is no secret here: it is the non-exportable key HaiPay-<CUR>-MerchantKey, which signs
// in the vault (HaiPay__Signing = KeyVaultKey; imported by an operator: docs/operations.md#haipay-key-in-key-vault).
var fixedSecretNames = [
  'HuaweiPin-ApiKey'
  'HuaweiPin-SecretKey'
  'HuaweiPin-CallbackKey'
  'Webhooks-SigningSecret'
  'Idempotency-FingerprintKey'
]
var accountSecretNames = flatten(map(haiPayCurrencies, currency => [
  'HaiPay-${currency}-MerchantSecret'
  'HaiPay-${currency}-PlatformPublicKey'
]))
var rotationSecretNames = [
  'HuaweiPin-PreviousCallbackKey'
  'Webhooks-PreviousSigningSecret'
]
var requiredSecretNames = concat(fixedSecretNames, accountSecretNames)
var secretNames = concat(requiredSecretNames, rotationSecretNames)

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-pay-${take(resourceToken, 15)}'
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    createMode: createMode
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
    networkAcls: { defaultAction: privateNetworking ? 'Deny' : 'Allow', bypass: 'None' }
  }
}

resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-workspace'
  scope: vault
  properties: {
    workspaceId: workspaceId
    logs: [{ category: 'AuditEvent', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

resource lock 'Microsoft.Authorization/locks@2020-05-01' = if (deleteLock) {
  name: 'payments-no-delete'
  scope: vault
  properties: {
    level: 'CanNotDelete'
    notes: 'Provider secrets. Remove this lock before azd down (docs/operations.md).'
  }
}

module endpoint 'privateendpoint.bicep' = if (privateNetworking) {
  name: 'keyvault-endpoint'
  params: {
    location: location
    tags: tags
    name: vault.name
    resourceId: vault.id
    groupIds: ['vault']
    subnetId: endpointSubnetId
    zoneIds: zoneIds
  }
}

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, secretsUser)
  scope: vault
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
  }
}

// Sign with the HaiPay merchant keys (keys/sign and keys/get; no key export, create or delete).
resource signer 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, cryptoUser)
  scope: vault
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cryptoUser)
  }
}

resource officer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (grantOfficer && !empty(vaultOfficerPrincipalId)) {
  name: guid(vault.id, vaultOfficerPrincipalId, secretsOfficer)
  scope: vault
  properties: {
    principalId: vaultOfficerPrincipalId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficer)
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
output secretNames array = secretNames
output requiredSecretNames array = requiredSecretNames
