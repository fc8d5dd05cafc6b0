// The one identity Coproduce runs as: the bot signs in to Teams with it (Azure Bot, msaAppType
// UserAssignedMSI), and the web app uses it for Table Storage and Key Vault. No passwords exist.

@description('Name of the user-assigned managed identity.')
param name string

param location string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
