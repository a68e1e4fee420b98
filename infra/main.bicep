metadata description = 'TalentReview on Azure: a Durable Functions app (Flex Consumption) with Cosmos DB, Key Vault and Application Insights.'

targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('azd environment name; names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Region of every resource; it must offer the Flex Consumption plan.')
param location string

@description('Object id of the deploying developer, granted data access to Cosmos DB (and the Durable Task Scheduler dashboard) for local runs against Azure, and Key Vault Certificates Officer to create the key-ring certificate. Leave empty in CI.')
param principalId string = ''

@description('Where Durable Functions keeps orchestration state: the storage account (Azure Storage provider) or a Durable Task Scheduler.')
@allowed([
  'AzureStorage'
  'DurableTaskScheduler'
])
param durableBackend string = 'AzureStorage'

@allowed([
  'Serverless'
  'Provisioned'
])
param cosmosCapacityMode string = 'Serverless'

@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('Durable task hub name (letters and digits).')
param taskHubName string = 'talentreview'

@description('Public base URL that signed links in emails point at; empty means the Function App\'s own https address.')
param publicBaseUrl string = ''

@description('Sender address of TalentReview emails; it must be a verified SendGrid sender.')
param emailFromAddress string

@secure()
@minLength(1)
@description('SendGrid API key (stored in Key Vault).')
param sendGridApiKey string

@description('Id of the link-signing key that signs new links.')
param linkSigningKeyId string = 'k1'

@secure()
@minLength(44)
@description('The link-signing key: base64 of at least 32 random bytes, e.g. `openssl rand -base64 48` (stored in Key Vault).')
param linkSigningKey string

@description('Ids of earlier link-signing keys, comma-separated, still accepted until the links they signed expire (their secrets stay in Key Vault).')
param previousLinkSigningKeyIds string = ''

@description('Client id of an Entra ID app registration for HR sign-in through App Service authentication; empty leaves the HR API closed (link pages still work).')
param authClientId string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'talentreview'
}
var functionAppName = 'func-talentreview-${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'
var keyRingContainerName = 'dataprotection'
// Created by the azd postprovision hook (infra/scripts/create-key-ring-certificate.sh), not by Bicep.
var keyRingCertificateName = 'dataprotection-keys'
var useScheduler = durableBackend == 'DurableTaskScheduler'
var identityName = 'id-talentreview-${resourceToken}'

// The store's layout, as src/TalentReview.Infrastructure/Storage/Cosmos/CosmosLayout.cs defines it: every
// document of a cycle has the cycle id as its partition key value; everything but the ETag is indexed.
var cosmosDatabaseName = 'talentreview'
var cosmosContainerName = 'reviews'
var cosmosContainers = [
  {
    name: cosmosContainerName
    partitionKeyPath: '/partitionKey'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [{ path: '/*' }]
      excludedPaths: [{ path: '/"_etag"/?' }]
    }
  }
]

var sendGridSecretName = 'sendgrid-api-key'
var linkSigningSecretPrefix = 'link-signing-key-'
var linkSigningSecretName = '${linkSigningSecretPrefix}${linkSigningKeyId}'
var previousLinkKeyIds = filter(map(split(previousLinkSigningKeyIds, ','), id => trim(id)), id => !empty(id))

resource resourceGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'core/identity.bicep' = {
  scope: resourceGroup
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module monitoring 'core/monitoring.bicep' = {
  scope: resourceGroup
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    appIdentityName: identityName
  }
  dependsOn: [identity]
}

module storage 'core/storage.bicep' = {
  scope: resourceGroup
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    keyRingContainerName: keyRingContainerName
    appIdentityName: identityName
  }
  dependsOn: [identity]
}

module cosmos 'core/cosmos.bicep' = {
  scope: resourceGroup
  params: {
    name: 'cosmos-${resourceToken}'
    location: location
    tags: tags
    databaseName: cosmosDatabaseName
    containers: cosmosContainers
    capacityMode: cosmosCapacityMode
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    appIdentityName: identityName
    developerPrincipalId: principalId
  }
  dependsOn: [identity]
}

module keyVault 'core/keyvault.bicep' = {
  scope: resourceGroup
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    appIdentityName: identityName
    developerPrincipalId: principalId
    secrets: {
      '${sendGridSecretName}': sendGridApiKey
      '${linkSigningSecretName}': linkSigningKey
    }
  }
  dependsOn: [identity]
}

module scheduler 'core/durable-task-scheduler.bicep' = if (useScheduler) {
  scope: resourceGroup
  params: {
    name: 'dts-${resourceToken}'
    location: location
    tags: tags
    taskHubName: taskHubName
    appIdentityName: identityName
    developerPrincipalId: principalId
  }
  dependsOn: [identity]
}

var functionAppUrl = 'https://${functionAppName}.azurewebsites.net'

// Settings the application binds. Secrets resolve through Key Vault references as the user-assigned
// identity; the references carry no secret version, so a rotated secret is picked up without a redeploy.
var applicationSettings = {
  Storage__Provider: 'Cosmos'
  Storage__Cosmos__AccountEndpoint: cosmos.outputs.endpoint
  Storage__Cosmos__ManagedIdentityClientId: identity.outputs.clientId
  Storage__Cosmos__DatabaseName: cosmos.outputs.databaseName
  Storage__Cosmos__ContainerName: cosmosContainerName
  Email__SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${sendGridSecretName})'
  Email__FromAddress: emailFromAddress
  Links__PublicBaseUrl: empty(publicBaseUrl) ? functionAppUrl : publicBaseUrl
  Links__CurrentKeyId: linkSigningKeyId
  'Links__Keys__${linkSigningKeyId}': '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${linkSigningSecretName})'
  TalentReview__Web__Authentication__Mode: empty(authClientId) ? 'None' : 'AppService'
  TaskHubName: taskHubName
  // Every instance and every restart reads the same key ring; the identity holds Blob Data Owner on the account.
  // Each key is stored encrypted with the Key Vault certificate; the app does not start without it.
  DataProtection__BlobUri: storage.outputs.keyRingBlobUri
  DataProtection__ManagedIdentityClientId: identity.outputs.clientId
  DataProtection__KeyVaultUri: keyVault.outputs.uri
  DataProtection__CertificateName: keyRingCertificateName
}

// Earlier keys keep verifying the links they signed; a rotation only adds a secret, it never deletes one.
var previousLinkKeySettings = toObject(
  previousLinkKeyIds,
  id => 'Links__Keys__${id}',
  id => '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${linkSigningSecretPrefix}${id})'
)

// host.json names the Azure Storage provider; these settings switch it to the scheduler.
var schedulerSettings = useScheduler
  ? {
      DURABLE_TASK_SCHEDULER_CONNECTION_STRING: 'Endpoint=${scheduler!.outputs.endpoint};Authentication=ManagedIdentity;ClientID=${identity.outputs.clientId}'
      AzureFunctionsJobHost__extensions__durableTask__storageProvider__type: 'azureManaged'
      AzureFunctionsJobHost__extensions__durableTask__storageProvider__connectionStringName: 'DURABLE_TASK_SCHEDULER_CONNECTION_STRING'
    }
  : {}

module functions 'app/functions.bicep' = {
  scope: resourceGroup
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    appSettings: union(applicationSettings, previousLinkKeySettings, schedulerSettings)
    authClientId: authClientId
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functions.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${functions.outputs.defaultHostName}'
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output AZURE_COSMOS_DATABASE string = cosmos.outputs.databaseName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output KEY_RING_CERTIFICATE_NAME string = keyRingCertificateName
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_DURABLE_TASK_SCHEDULER_ENDPOINT string = useScheduler ? scheduler!.outputs.endpoint : ''
output TASK_HUB_NAME string = taskHubName
