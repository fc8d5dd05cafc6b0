// Coproduce on Azure, in one resource group: a Linux web app (Node 20 LTS) on an App Service plan,
// one user-assigned managed identity that is both the bot's identity and the app's way into
// storage and Key Vault, the Azure Bot resource with the Teams channel, Table Storage without
// account keys, Key Vault for the pseudonym key, and Log Analytics with Application Insights.
//
// The Microsoft 365 Agents Toolkit runs this from m365agents.yml (arm/deploy) with
// main.parameters.json; the outputs below are written to env/.env.<environment> under their own
// names. Nothing here needs a password or an account key.

targetScope = 'resourceGroup'

@description('Short name the resources are named after: 3 to 16 lowercase letters and digits.')
@minLength(3)
@maxLength(16)
param resourceBaseName string

param location string = resourceGroup().location

@description('Client id of the tab\'s single sign-on app registration (aadApp/create writes it as TAB_CLIENT_ID).')
param tabClientId string

@description('Comma-separated tenant ids whose people may use the tab. Empty means this tenant only.')
param allowedTenants string = ''

@secure()
@minLength(32)
@description('Secret for keyed pseudonyms in logs and indexes (SECRET_PSEUDONYM_KEY). Set once and keep it.')
param pseudonymKey string

@description('Name people see for the bot in the Azure portal.')
param botDisplayName string = 'Coproduce'

@description('App Service plan size. B1 is enough for a pilot; see docs/runbook.md before scaling out.')
@allowed(['B1', 'B2', 'B3', 'S1', 'S2', 'S3', 'P0v3', 'P1v3', 'P2v3'])
param appServiceSku string = 'B1'

@description('Instances of the web app. More than one is safe: they share state through Table Storage.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Days after its meeting day that a session is deleted (the retention purge).')
@minValue(7)
@maxValue(3650)
param retentionDays int = 365

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param storageSku string = 'Standard_LRS'

@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

// Globally unique names get a stable suffix from the resource group, so re-running is idempotent.
var suffix = uniqueString(resourceGroup().id, resourceBaseName)
var compactBase = toLower(replace(resourceBaseName, '-', ''))
var webAppName = '${compactBase}-${suffix}'
var publicHost = '${webAppName}.azurewebsites.net'
var publicUrl = 'https://${publicHost}'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-${compactBase}'
    location: location
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take('st${compactBase}${suffix}', 24)
    location: location
    sku: storageSku
    principalId: identity.outputs.principalId
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  params: {
    name: take('kv-${compactBase}-${suffix}', 24)
    location: location
    principalId: identity.outputs.principalId
    pseudonymKey: pseudonymKey
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logsName: 'log-${compactBase}'
    insightsName: 'appi-${compactBase}'
    location: location
    retentionDays: logRetentionDays
  }
}

module webApp 'modules/webApp.bicep' = {
  name: 'webApp'
  params: {
    planName: 'plan-${compactBase}'
    webAppName: webAppName
    location: location
    sku: appServiceSku
    instanceCount: instanceCount
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    tableEndpoint: storage.outputs.tableEndpoint
    tabClientId: tabClientId
    allowedTenants: empty(allowedTenants) ? tenant().tenantId : allowedTenants
    publicUrl: publicUrl
    pseudonymKeyUri: keyVault.outputs.pseudonymKeyUri
    insightsConnectionString: monitoring.outputs.connectionString
    workspaceId: monitoring.outputs.workspaceId
    retentionDays: retentionDays
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${compactBase}-${suffix}'
    displayName: botDisplayName
    endpoint: '${publicUrl}/api/messages'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
  }
}

// Written by the toolkit to env/.env.<environment> under these exact names.
output BOT_ID string = identity.outputs.clientId
output BOT_DOMAIN string = publicHost
output PUBLIC_URL string = publicUrl
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.outputs.id
output AZURE_WEB_APP_NAME string = webApp.outputs.name
output AZURE_TABLES_ENDPOINT string = storage.outputs.tableEndpoint
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
