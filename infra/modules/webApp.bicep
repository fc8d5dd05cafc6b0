// The Linux web app that runs Coproduce (Node 20 LTS): HTTPS only, always on, and a health check
// on /healthz, which answers 503 when storage is unreachable so App Service takes that instance
// out of rotation. Every setting the production configuration needs is set here (bot/config.ts
// checks them at start; tests/infra/consistency.test.ts checks this list against it).

param planName string
param webAppName string
param location string

@allowed(['B1', 'B2', 'B3', 'S1', 'S2', 'S3', 'P0v3', 'P1v3', 'P2v3'])
param sku string

@description('Instances running side by side; they share state through Table Storage.')
@minValue(1)
@maxValue(10)
param instanceCount int

param identityId string
param identityClientId string
param tableEndpoint string
param tabClientId string
param allowedTenants string
param publicUrl string
param pseudonymKeyUri string
param insightsConnectionString string
param workspaceId string

@minValue(7)
@maxValue(3650)
param retentionDays int

// Application Insights agent settings. Request and dependency telemetry stay off: their URLs
// carry conversation ids, session keys and one-time codes. The first two keys are read by the
// OpenTelemetry-based agent (applicationinsights 3.x); the last two by its 2.x-compatible layer.
var insightsAgentSettings = {
  instrumentationOptions: {
    http: {
      enabled: false
    }
    azureSdk: {
      enabled: false
    }
  }
  enableAutoCollectRequests: false
  enableAutoCollectDependencies: false
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Any instance may answer any request (the tab's polling works with ETags), so no sticky sessions.
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node dist/bot/main.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        {
          name: 'COPRODUCE_MODE'
          value: 'production'
        }
        {
          name: 'STORAGE'
          value: 'azure-tables'
        }
        {
          name: 'AZURE_TABLES_ENDPOINT'
          value: tableEndpoint
        }
        {
          name: 'AZURE_CLIENT_ID'
          value: identityClientId
        }
        {
          name: 'BOT_ID'
          value: identityClientId
        }
        {
          name: 'BOT_TENANT_ID'
          value: tenant().tenantId
        }
        {
          name: 'BOT_TYPE'
          value: 'UserAssignedMSI'
        }
        {
          name: 'TAB_CLIENT_ID'
          value: tabClientId
        }
        {
          name: 'ALLOWED_TENANTS'
          value: allowedTenants
        }
        {
          name: 'PUBLIC_URL'
          value: publicUrl
        }
        {
          name: 'PSEUDONYM_KEY'
          value: '@Microsoft.KeyVault(SecretUri=${pseudonymKeyUri})'
        }
        {
          name: 'RETENTION_DAYS'
          value: string(retentionDays)
        }
        {
          name: 'LOG_LEVEL'
          value: 'info'
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: insightsConnectionString
        }
        {
          name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
          value: '~3'
        }
        {
          name: 'APPLICATIONINSIGHTS_CONFIGURATION_CONTENT'
          value: string(insightsAgentSettings)
        }
        {
          // The deploy step uploads the built dist/ folder; App Service installs only what runs it.
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'true'
        }
        {
          name: 'CUSTOM_BUILD_COMMAND'
          value: 'npm ci --omit=dev'
        }
      ]
    }
  }
}

// Our own logs (stdout, already free of names and raw ids) and platform events go to Log
// Analytics. HTTP access logs are left out: they would record URLs with one-time codes.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'coproduce-logs'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

output id string = site.id
output name string = site.name
output defaultHostName string = site.properties.defaultHostName
