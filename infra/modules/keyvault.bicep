// Key Vault in RBAC mode for the provider secrets. The template names them (the app reads exactly these)
// but never holds their values: put them in with `az keyvault secret set` (see the README).
param location string
param tags object
param resourceToken string
param principalId string
param vaultOfficerPrincipalId string

var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var secretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

// The secrets the app reads (Payments.Core SecretNames); one HaiPay triple per configured currency.
var secretNames = [
  'HuaweiPin-ApiKey'
  'HuaweiPin-SecretKey'
  'HuaweiPin-CallbackKey'
  'HuaweiPin-PreviousCallbackKey' // only while rotating: the old callback key, accepted while set
  'HaiPay-USD-PrivateKey'
  'HaiPay-USD-MerchantSecret'
  'HaiPay-USD-PlatformPublicKey'
  'Webhooks-SigningSecret'
  'Webhooks-PreviousSigningSecret' // only while rotating: set it to the old secret, roll out the new one, then delete it
  'Idempotency-FingerprintKey'
]

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
    publicNetworkAccess: 'Enabled'
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

resource officer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(vaultOfficerPrincipalId)) {
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
