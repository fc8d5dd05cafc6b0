// Key Vault for the one secret Coproduce has: the key that turns ids into pseudonyms in logs and
// indexes. The web app reads it through a Key Vault reference, so the value never shows in the
// app's settings. Access is by Azure role (Key Vault Secrets User for the app's identity only).

@description('Key Vault name: 3 to 24 letters, digits and hyphens, unique in Azure.')
param name string

param location string

@description('Principal (object) id of the managed identity that reads the secret.')
param principalId string

@secure()
@description('The pseudonym key. Set it once and keep it: changing it breaks look-ups by pseudonym.')
param pseudonymKey string

// Built-in role "Key Vault Secrets User".
var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
    publicNetworkAccess: 'Enabled'
  }
}

resource pseudonymSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'pseudonym-key'
  properties: {
    value: pseudonymKey
    contentType: 'text/plain'
  }
}

resource secretAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, secretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// Without a version, so the app picks up a new value after a restart (see docs/runbook.md first).
output pseudonymKeyUri string = pseudonymSecret.properties.secretUri
