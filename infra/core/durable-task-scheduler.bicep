metadata description = 'Durable Task Scheduler and its task hub, as an alternative to the Azure Storage provider.'

param name string
param location string
param tags object
param taskHubName string

@allowed([
  'Consumption'
  'Dedicated'
])
param skuName string = 'Consumption'

@description('The Function App identity, which runs and manages orchestrations.')
param appIdentityName string

@description('Object id of the deploying developer to grant dashboard access; empty for none.')
param developerPrincipalId string = ''

var durableTaskDataContributorRoleId = '0ad04412-c4d5-4796-b79c-f76d14c8d402'

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: appIdentityName
}

resource scheduler 'Microsoft.DurableTask/schedulers@2025-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: skuName
    }
    // Access is by Entra identity; an empty allow list would deny all traffic.
    ipAllowlist: [
      '0.0.0.0/0'
    ]
  }

  resource taskHub 'taskHubs' = {
    name: taskHubName
  }
}

resource appDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(scheduler.id, appIdentity.id, durableTaskDataContributorRoleId)
  scope: scheduler
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', durableTaskDataContributorRoleId)
  }
}

resource developerDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(developerPrincipalId)) {
  name: guid(scheduler.id, developerPrincipalId, durableTaskDataContributorRoleId)
  scope: scheduler
  properties: {
    principalId: developerPrincipalId
    principalType: 'User'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', durableTaskDataContributorRoleId)
  }
}

output endpoint string = scheduler.properties.endpoint
output taskHubName string = scheduler::taskHub.name
