metadata description = 'Cosmos DB for NoSQL with Entra-only data access: the account, the database and the containers the store expects.'

param name string
param location string
param tags object
param databaseName string

@description('Containers of the database, as the store defines them.')
param containers containerSpec[]

@description('Serverless bills per request (default); Provisioned uses autoscale throughput shared by the database.')
@allowed([
  'Serverless'
  'Provisioned'
])
param capacityMode string = 'Serverless'

@description('Autoscale maximum RU/s of the database when capacityMode is Provisioned.')
@minValue(1000)
param autoscaleMaxThroughput int = 1000

@description('The Function App identity, which reads and writes data.')
param appIdentityName string

@description('Object id of the deploying developer to grant data access too; empty for none.')
param developerPrincipalId string = ''

@export()
@description('A container and its partition key; indexingPolicy is optional (Cosmos default: index everything).')
type containerSpec = {
  name: string
  partitionKeyPath: string
  indexingPolicy: object?
}

// Built-in "Cosmos DB Built-in Data Contributor" data-plane role.
var dataContributorRoleDefinitionId = '00000000-0000-0000-0000-000000000002'

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: appIdentityName
}

resource account 'Microsoft.DocumentDB/databaseAccounts@2025-04-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: capacityMode == 'Serverless' ? [{ name: 'EnableServerless' }] : []
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2025-04-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: capacityMode == 'Provisioned' ? { autoscaleSettings: { maxThroughput: autoscaleMaxThroughput } } : {}
  }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-04-15' = [
  for container in containers: {
    parent: database
    name: container.name
    properties: {
      resource: union(
        {
          id: container.name
          partitionKey: {
            paths: [container.partitionKeyPath]
            kind: 'Hash'
            version: 2
          }
        },
        container.?indexingPolicy == null ? {} : { indexingPolicy: container.indexingPolicy! }
      )
    }
  }
]

resource appDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-04-15' = {
  parent: account
  name: guid(account.id, appIdentity.id, dataContributorRoleDefinitionId)
  properties: {
    principalId: appIdentity.properties.principalId
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleDefinitionId}'
    scope: account.id
  }
}

resource developerDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-04-15' = if (!empty(developerPrincipalId)) {
  parent: account
  name: guid(account.id, developerPrincipalId, dataContributorRoleDefinitionId)
  properties: {
    principalId: developerPrincipalId
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleDefinitionId}'
    scope: account.id
  }
}

output name string = account.name
output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
