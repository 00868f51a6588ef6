// The Function App on Flex Consumption (FC1), .NET 10 isolated, running as the user-assigned identity:
// deployment package, host storage, tables, Key Vault and Application Insights all through Entra ID.
param location string
param tags object
param name string
param resourceToken string
param identityId string
param identityClientId string
param instanceMemoryMB int
param maximumInstanceCount int
param deploymentContainerUrl string
param appInsightsConnectionString string
param appSettings object

@description('Subnet the app\'s outbound traffic leaves through (VNet integration); empty: none.')
param virtualNetworkSubnetId string = ''

@description('Log Analytics workspace that receives FunctionAppLogs.')
param workspaceId string

@description('Client (application) id of the Entra ID app registration operators sign in to.')
param operatorClientId string

@description('Settings whose value is the app\'s own https address (from its defaultHostName) followed by the given path.')
param hostUrlSettings object = {}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-payments-${resourceToken}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'payments' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    virtualNetworkSubnetId: empty(virtualNetworkSubnetId) ? null : virtualNetworkSubnetId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(appSettings, toObject(items(hostUrlSettings), setting => setting.key, setting => 'https://${app.properties.defaultHostName}${setting.value}'), {
      // Which identity DefaultAzureCredential (tables, Key Vault) and the host use.
      AZURE_CLIENT_ID: identityClientId
      AzureWebJobsStorage__clientId: identityClientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    })
  }
}

// App Service Authentication: operators sign in with Entra ID (the console, by the browser sign-in; scripts, with a
// bearer token for api://<client id>). Unauthenticated requests are let through (AllowAnonymous): merchant routes keep
// their function keys, provider callbacks their signatures; the app refuses operator routes without a principal holding
// the Payments.Operator role (Operators:Authentication=EntraId). The platform strips any X-MS-CLIENT-PRINCIPAL a client
// sends. Token store off: the app needs only the principal, never the tokens, so none are kept (docs/operations.md).
resource auth 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
      forwardProxy: { convention: 'NoProxy' }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: operatorClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: ['api://${operatorClientId}', operatorClientId]
        }
      }
    }
    login: {
      tokenStore: { enabled: false }
      preserveUrlFragmentsForLogins: false
      cookieExpiration: { convention: 'FixedTime', timeToExpiration: '08:00:00' }
      nonce: { validateNonce: true }
    }
  }
}

// Basic-auth (user name and password) publishing off for both FTP and the SCM (Kudu) site: deployment uses Entra ID.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: { allow: false }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: { allow: false }
}

resource logs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-workspace'
  scope: app
  properties: {
    workspaceId: workspaceId
    logs: [{ category: 'FunctionAppLogs', enabled: true }]
  }
}

output name string = app.name
output url string = 'https://${app.properties.defaultHostName}'
