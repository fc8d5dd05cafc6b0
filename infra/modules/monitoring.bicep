// Log Analytics and Application Insights. What reaches them is limited on purpose (see the web
// app's APPLICATIONINSIGHTS_CONFIGURATION_CONTENT): request and dependency telemetry would record
// URLs, and ours carry conversation ids, session keys and one-time withdrawal codes.

param logsName string
param insightsName string
param location string

@description('Days Log Analytics keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param retentionDays int

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logsName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: insightsName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
    // Keep IP addresses masked (the default), so client addresses are never stored.
    DisableIpMasking: false
  }
}

output workspaceId string = logs.id
output connectionString string = insights.properties.ConnectionString
