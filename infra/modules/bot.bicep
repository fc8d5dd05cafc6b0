// The Azure Bot resource: registers the bot's identity (the user-assigned managed identity, so no
// app password exists) and its messaging endpoint, and turns on the Microsoft Teams channel.
// Meeting participant join/leave events need "meeting event subscriptions", which are set in the
// Teams Developer Portal, not here: see docs/runbook.md.

param name string
param displayName string

@description('https://<host>/api/messages')
param endpoint string

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of the same identity: the bot\'s Microsoft App ID.')
param identityClientId string

@allowed(['F0', 'S1'])
param sku string = 'F0'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityId
    msaAppTenantId: tenant().tenantId
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

output name string = bot.name
