metadata description = 'RapidResponse on Azure Functions (Flex Consumption): the function app, its storage (queues, tables, deployment packages), a Key Vault for provider secrets, monitoring, and one user-assigned identity that reaches all of them without keys.'

targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

@description('Short lowercase name (letters and digits) that every resource name starts from; a hash of the resource group keeps globally unique names apart.')
@minLength(3)
@maxLength(11)
param appName string = 'rapidresp'

@description('Azure region for every resource; it must offer the Flex Consumption plan.')
param location string = resourceGroup().location

@description('Tags applied to every resource.')
param tags { *: string } = {}

@description('Replication of the storage account that holds every queue message and table row; zone-redundant by default, since an accepted panic must never be lost.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param storageSku string = 'Standard_ZRS'

@description('Upper bound on the instances the app may scale out to (Flex Consumption accepts 1 to 1000). Each instance applies its own Twilio send-rate cap, so this also bounds the total SMS rate.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each instance in MB; CPU and network bandwidth grow with it.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Always-ready instances for the HTTP scale group (the panic endpoint and the provider webhooks); 0 lets HTTP scale to zero at the price of a cold start on the first press.')
@minValue(0)
@maxValue(10)
param alwaysReadyHttpInstances int = 1

@description('Names (as in [Function("...")]) of the queue-triggered functions that each keep one always-ready instance, so an alert is fanned out and delivered without waiting for a cold start.')
param alwaysReadyQueueFunctions string[] = [
  'FanOut'
  'Delivery'
  'Escalation'
]

@description('Base URL used in status links and provider callbacks (RapidResponse__PublicBaseUrl), without a trailing slash. Empty means https://<the function app default host name>.')
param publicBaseUrl string = ''

@description('Days after which alerts, their deliveries and idempotency records are purged (RapidResponse__RetentionDays), so the service keeps no growing record of who was in danger where.')
@minValue(1)
@maxValue(3650)
param retentionDays int = 90

@description('Twilio Account SID (AC followed by 32 hex digits).')
@minLength(34)
@maxLength(34)
param twilioAccountSid string

@description('Twilio Auth Token; stored in Key Vault as Twilio--AuthToken and never in an app setting.')
@secure()
@minLength(1)
param twilioAuthToken string

@description('SMS sender in E.164 form (Twilio__FromNumber). Leave empty when twilioMessagingServiceSid is set.')
param twilioFromNumber string = ''

@description('Twilio Messaging Service SID used as the SMS sender (Twilio__MessagingServiceSid). Leave empty when twilioFromNumber is set.')
param twilioMessagingServiceSid string = ''

@description('SMS sends per second for the whole deployment (Twilio__MessagesPerSecond; every instance draws from one budget), so the service never causes its own 429s.')
@minValue(1)
@maxValue(1000)
param twilioMessagesPerSecond int = 10

@description('Calls placed per second for the whole deployment (Twilio__CallsPerSecond): the Twilio account\'s CPS, 1 unless raised in its console.')
@minValue(1)
@maxValue(1000)
param twilioCallsPerSecond int = 1

@description('SendGrid API key; stored in Key Vault as SendGrid--ApiKey and never in an app setting.')
@secure()
@minLength(1)
param sendGridApiKey string

@description('Verified SendGrid sender address (SendGrid__FromEmail).')
@minLength(3)
param sendGridFromEmail string

@description('Public ECDSA verification key of the SendGrid signed event webhook, base64 as SendGrid shows it (SendGrid__WebhookPublicKey). It is public, so it is a plain setting.')
@minLength(1)
param sendGridWebhookPublicKey string

@description('Admin bearer secret for the /api/manage routes; stored in Key Vault as RapidResponse--AdminKey. Use at least 32 random characters.')
@secure()
@minLength(32)
param adminKey string

@description('Key that encrypts who and where (names, phones, emails, places, messages) in Table storage (RapidResponse__DataKey): 32 random bytes, base64 (openssl rand -base64 32); stored in Key Vault as RapidResponse--DataKey. Losing it makes those values unreadable; to change it, keep the old one in RapidResponse__RetiredDataKeys (docs/SECURITY.md).')
@secure()
@minLength(44)
param dataKey string

@description('Turns on Key Vault purge protection: deleted secrets cannot be purged before the retention ends. Once on it cannot be turned off, so leave it off only for throwaway environments.')
param keyVaultPurgeProtection bool = true

@description('Days a deleted Key Vault or secret stays recoverable.')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionDays int = 90

@description('Email of the operator on duty: the action group of every alert rule, and the address the app tells when a message is parked after every attempt (RapidResponse__OperatorEmail).')
@minLength(3)
param operatorEmail string

@description('Mobile phone of the operator on duty: SMS from the action group (where Azure Monitor sends SMS to that country), and the number the app texts through Twilio when a message is parked (RapidResponse__OperatorPhone). Null: email only.')
param operatorPhone operatorPhoneNumber?

@description('Failed function invocations within 15 minutes that raise the function-failure alert. Provider outages are retried through the queues, so a few failures are expected; many mean something is stuck.')
@minValue(1)
param functionFailureThreshold int = 10

@description('Availability test locations for /api/health (Azure Monitor location ids); the alert fires when two of them fail.')
@minLength(2)
param availabilityTestLocations string[] = [
  'emea-nl-ams-azr'
  'emea-gb-db3-azr'
  'emea-fr-pra-edge'
]

@description('Private networking: the app reaches Storage (blob, queue, table) and Key Vault through private endpoints in its own virtual network, and both refuse public traffic. The app itself stays reachable from the internet (organizers, Twilio, SendGrid).')
param privateNetworking bool = false

@description('Address space of the virtual network when privateNetworking is on; its first /24 is the app\'s integration subnet, the second holds the private endpoints.')
param virtualNetworkAddressPrefix string = '10.42.0.0/16'

@description('Days the Log Analytics workspace keeps logs and telemetry. Logs carry masked contact details only, but keep this short anyway.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('A phone number in the two parts Azure Monitor SMS takes.')
type operatorPhoneNumber = {
  @description('Country calling code, digits only, without +: 7 for Kazakhstan, 44 for the United Kingdom.')
  @minLength(1)
  @maxLength(3)
  countryCode: string

  @description('The rest of the number, digits only.')
  @minLength(4)
  @maxLength(14)
  number: string
}

// ---------------------------------------------------------------------------------------------
// Names and constants
// ---------------------------------------------------------------------------------------------

var baseName = toLower(appName)
var suffix = uniqueString(subscription().id, resourceGroup().id, baseName)
var functionAppName = 'func-${baseName}-${suffix}'
var planName = 'plan-${baseName}-${suffix}'
var identityName = 'id-${baseName}-${suffix}'
var storageAccountName = take('st${baseName}${suffix}', 24)
var keyVaultName = take('kv-${baseName}-${suffix}', 24)
var logAnalyticsName = 'log-${baseName}-${suffix}'
var appInsightsName = 'appi-${baseName}-${suffix}'
var deploymentContainerName = 'app-package-${functionAppName}'
var actionGroupName = 'ag-${baseName}-${suffix}'
var virtualNetworkName = 'vnet-${baseName}-${suffix}'
var healthTestName = 'webtest-${baseName}-health-${suffix}'

// The app's subnet (delegated to Flex Consumption) and the private endpoints' subnet.
var appSubnetPrefix = cidrSubnet(virtualNetworkAddressPrefix, 24, 0)
var privateEndpointSubnetPrefix = cidrSubnet(virtualNetworkAddressPrefix, 24, 1)

// Private endpoints: one per storage service the app and its host use, and one for the vault.
var storageEndpointServices = [
  'blob'
  'queue'
  'table'
]
var keyVaultPrivateDnsZone = 'privatelink.vaultcore.azure.net'

// The queues and tables of the storage contract in docs/API.md, declared so that they exist before
// the first message (creating them again from the app is harmless).
var queueNames = [
  'alerts'
  'alerts-poison'
  'deliveries-urgent'
  'deliveries-urgent-poison'
  'deliveries'
  'deliveries-poison'
  'escalations'
  'escalations-poison'
]
var tableNames = [
  'Contacts'
  'Organizers'
  'Alerts'
  'Idempotency'
  'PoisonMessages'
  'PhoneIndex'
  'EscalationPolicies'
  'Events'
  'StatementOverrides'
  'WebhookReceipts'
  'Limits'
  'PendingWork'
  'OpenAlerts'
  'ProviderStatus'
  'RecipientLinks'
  'Coordinators'
  'Audit'
  'SendBudget'
]

// Built-in role definition ids (the same in every tenant).
var roleIds = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// The Functions host needs blob (leases, deployment package), queue and table data access.
var storageRoleIds = [
  roleIds.storageBlobDataOwner
  roleIds.storageQueueDataContributor
  roleIds.storageTableDataContributor
]

var alwaysReady = concat(
  alwaysReadyHttpInstances > 0
    ? [
        {
          name: 'http'
          instanceCount: alwaysReadyHttpInstances
        }
      ]
    : [],
  map(alwaysReadyQueueFunctions, fn => {
    name: 'function:${fn}'
    instanceCount: 1
  })
)

// An app setting that the platform resolves from Key Vault; the versionless URI follows rotations.
func keyVaultReference(secretUri string) string => '@Microsoft.KeyVault(SecretUri=${secretUri})'

var effectivePublicBaseUrl = empty(publicBaseUrl) ? 'https://${functionApp.properties.defaultHostName}' : publicBaseUrl

// ---------------------------------------------------------------------------------------------
// Identity
// ---------------------------------------------------------------------------------------------

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: identityName
  location: location
  tags: tags
}

// ---------------------------------------------------------------------------------------------
// Storage: runtime state, queues, tables and deployment packages; Entra ID only, no keys
// ---------------------------------------------------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
    supportsHttpsTrafficOnly: true
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: true
      services: {
        blob: {
          enabled: true
          keyType: 'Account'
        }
        file: {
          enabled: true
          keyType: 'Account'
        }
        queue: {
          enabled: true
          keyType: 'Account'
        }
        table: {
          enabled: true
          keyType: 'Account'
        }
      }
    }
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: privateNetworking ? 'Deny' : 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-06-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2026-06-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2026-06-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2026-06-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2026-06-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoleIds: {
    scope: storage
    name: guid(storage.id, identity.id, roleId)
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

// ---------------------------------------------------------------------------------------------
// Key Vault: provider secrets and the admin key, read by the app through Key Vault references
// ---------------------------------------------------------------------------------------------

resource keyVault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionDays
    // Purge protection cannot be set to false explicitly, only left out.
    enablePurgeProtection: keyVaultPurgeProtection ? true : null
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: privateNetworking ? 'Deny' : 'Allow'
    }
  }
}

// Secret names use '--' where the setting names use '__' (Key Vault allows no underscore).
resource twilioAuthTokenSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: keyVault
  name: 'Twilio--AuthToken'
  properties: {
    value: twilioAuthToken
    contentType: 'text/plain'
  }
}

resource sendGridApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: keyVault
  name: 'SendGrid--ApiKey'
  properties: {
    value: sendGridApiKey
    contentType: 'text/plain'
  }
}

resource adminKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: keyVault
  name: 'RapidResponse--AdminKey'
  properties: {
    value: adminKey
    contentType: 'text/plain'
  }
}

resource dataKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: keyVault
  name: 'RapidResponse--DataKey'
  properties: {
    value: dataKey
    contentType: 'text/plain'
  }
}

resource keyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, identity.id, roleIds.keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------
// Monitoring: Application Insights on Log Analytics, Entra ID ingestion only
// ---------------------------------------------------------------------------------------------

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
    RetentionInDays: logRetentionDays
  }
}

resource appInsightsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: appInsights
  name: guid(appInsights.id, identity.id, roleIds.monitoringMetricsPublisher)
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      roleIds.monitoringMetricsPublisher
    )
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------
// Function app on the Flex Consumption plan
// ---------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: functionAppName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    // Flex Consumption routes all outbound traffic through the integration subnet once it has one.
    virtualNetworkSubnetId: privateNetworking ? appSubnet.id : null
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer.name}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        alwaysReady: alwaysReady
      }
    }
  }
  // The host reads its storage as soon as it starts: grant the roles first (and, with private networking, give it
  // the private endpoints and their DNS records).
  dependsOn: [
    storageRoleAssignments
    storagePrivateDnsZoneGroups
    keyVaultPrivateDnsZoneGroup
  ]
}

// App settings live in their own resource so that the public base URL can default to the app's
// own host name. Flex Consumption takes no FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION:
// the runtime comes from functionAppConfig.
resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(
    {
      AzureWebJobsStorage__accountName: storage.name
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.properties.clientId
      AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
      APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
      RapidResponse__PublicBaseUrl: effectivePublicBaseUrl
      RapidResponse__AdminKey: keyVaultReference(adminKeySecret.properties.secretUri)
      RapidResponse__DataKey: keyVaultReference(dataKeySecret.properties.secretUri)
      RapidResponse__RetentionDays: string(retentionDays)
      RapidResponse__OperatorEmail: operatorEmail
      Twilio__AccountSid: twilioAccountSid
      Twilio__AuthToken: keyVaultReference(twilioAuthTokenSecret.properties.secretUri)
      Twilio__MessagesPerSecond: string(twilioMessagesPerSecond)
      Twilio__CallsPerSecond: string(twilioCallsPerSecond)
      SendGrid__ApiKey: keyVaultReference(sendGridApiKeySecret.properties.secretUri)
      SendGrid__FromEmail: sendGridFromEmail
      SendGrid__WebhookPublicKey: sendGridWebhookPublicKey
    },
    empty(twilioFromNumber) ? {} : { Twilio__FromNumber: twilioFromNumber },
    empty(twilioMessagingServiceSid) ? {} : { Twilio__MessagingServiceSid: twilioMessagingServiceSid },
    operatorPhone == null
      ? {}
      : { RapidResponse__OperatorPhone: '+${operatorPhone!.countryCode}${operatorPhone!.number}' }
  )
  // Key Vault references and identity-based telemetry resolve only once the roles exist.
  dependsOn: [
    keyVaultSecretsUser
    appInsightsPublisher
    queues
    tables
  ]
}

// ---------------------------------------------------------------------------------------------
// Private networking (privateNetworking): VNet integration, private endpoints for Storage and Key Vault
// ---------------------------------------------------------------------------------------------

resource virtualNetwork 'Microsoft.Network/virtualNetworks@2026-03-01' = if (privateNetworking) {
  name: virtualNetworkName
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        virtualNetworkAddressPrefix
      ]
    }
  }
}

resource appSubnet 'Microsoft.Network/virtualNetworks/subnets@2026-03-01' = if (privateNetworking) {
  parent: virtualNetwork
  name: 'app'
  properties: {
    addressPrefix: appSubnetPrefix
    delegations: [
      {
        name: 'flex-consumption'
        properties: {
          serviceName: 'Microsoft.App/environments'
        }
      }
    ]
  }
}

resource privateEndpointSubnet 'Microsoft.Network/virtualNetworks/subnets@2026-03-01' = if (privateNetworking) {
  parent: virtualNetwork
  name: 'private-endpoints'
  properties: {
    addressPrefix: privateEndpointSubnetPrefix
    privateEndpointNetworkPolicies: 'Disabled'
  }
  // Subnets of one network are written one at a time.
  dependsOn: [
    appSubnet
  ]
}

resource storagePrivateDnsZones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for service in storageEndpointServices: if (privateNetworking) {
    name: 'privatelink.${service}.${environment().suffixes.storage}'
    location: 'global'
    tags: tags
  }
]

resource storagePrivateDnsLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (service, i) in storageEndpointServices: if (privateNetworking) {
    parent: storagePrivateDnsZones[i]
    name: virtualNetworkName
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: virtualNetwork.id
      }
    }
  }
]

resource storagePrivateEndpoints 'Microsoft.Network/privateEndpoints@2026-03-01' = [
  for service in storageEndpointServices: if (privateNetworking) {
    name: 'pe-${storage.name}-${service}'
    location: location
    tags: tags
    properties: {
      subnet: {
        id: privateEndpointSubnet.id
      }
      privateLinkServiceConnections: [
        {
          name: 'pe-${storage.name}-${service}'
          properties: {
            privateLinkServiceId: storage.id
            groupIds: [
              service
            ]
          }
        }
      ]
    }
  }
]

resource storagePrivateDnsZoneGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2026-03-01' = [
  for (service, i) in storageEndpointServices: if (privateNetworking) {
    parent: storagePrivateEndpoints[i]
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: service
          properties: {
            privateDnsZoneId: storagePrivateDnsZones[i].id
          }
        }
      ]
    }
    dependsOn: [
      storagePrivateDnsLinks
    ]
  }
]

resource keyVaultDnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = if (privateNetworking) {
  name: keyVaultPrivateDnsZone
  location: 'global'
  tags: tags
}

resource keyVaultDnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = if (privateNetworking) {
  parent: keyVaultDnsZone
  name: virtualNetworkName
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: virtualNetwork.id
    }
  }
}

resource keyVaultPrivateEndpoint 'Microsoft.Network/privateEndpoints@2026-03-01' = if (privateNetworking) {
  name: 'pe-${keyVault.name}'
  location: location
  tags: tags
  properties: {
    subnet: {
      id: privateEndpointSubnet.id
    }
    privateLinkServiceConnections: [
      {
        name: 'pe-${keyVault.name}'
        properties: {
          privateLinkServiceId: keyVault.id
          groupIds: [
            'vault'
          ]
        }
      }
    ]
  }
}

resource keyVaultPrivateDnsZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2026-03-01' = if (privateNetworking) {
  parent: keyVaultPrivateEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'vault'
        properties: {
          privateDnsZoneId: keyVaultDnsZone.id
        }
      }
    ]
  }
  dependsOn: [
    keyVaultDnsLink
  ]
}

// ---------------------------------------------------------------------------------------------
// Alerts: the operator hears of parked messages, failing functions and an unreachable /api/health
// ---------------------------------------------------------------------------------------------

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take(baseName, 12)
    enabled: true
    emailReceivers: [
      {
        name: 'operator-email'
        emailAddress: operatorEmail
        useCommonAlertSchema: true
      }
    ]
    smsReceivers: operatorPhone == null
      ? []
      : [
          {
            name: 'operator-sms'
            countryCode: operatorPhone!.countryCode
            phoneNumber: operatorPhone!.number
          }
        ]
  }
}

// The app counts each message it parks off a poison queue (metric rapidresponse.queue.poisoned, tag queue).
resource parkedMessagesAlert 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: 'alert-${baseName}-parked-${suffix}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'RapidResponse: a queue message failed every attempt and is parked'
    description: 'An alert, a delivery or an escalation failed every attempt and waits in the PoisonMessages table. Find the cause, then replay it: POST /api/manage/poison/{queue}/replay (docs/OPERATIONS.md).'
    severity: 1
    enabled: true
    scopes: [
      appInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "rapidresponse.queue.poisoned" | extend queue = tostring(customDimensions["queue"]) | summarize parked = sum(valueSum) by queue'
          timeAggregation: 'Total'
          metricMeasureColumn: 'parked'
          dimensions: [
            {
              name: 'queue'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: false
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// Every invocation is a request row (telemetryMode OpenTelemetry): HTTP functions and queue and timer triggers alike.
resource functionFailuresAlert 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: 'alert-${baseName}-failures-${suffix}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'RapidResponse: functions are failing'
    description: 'Function invocations failed more often than functionFailureThreshold in 15 minutes. See the exceptions of the functions named in the alert (docs/OPERATIONS.md).'
    severity: 2
    enabled: true
    scopes: [
      appInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'requests | where success == false | summarize failures = count() by operation_Name'
          timeAggregation: 'Total'
          metricMeasureColumn: 'failures'
          dimensions: [
            {
              name: 'operation_Name'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThanOrEqual'
          threshold: functionFailureThreshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// A standard test from several places, through the public base URL the organizers and providers use.
resource healthTest 'Microsoft.Insights/webtests@2022-06-15' = {
  name: healthTestName
  location: location
  tags: union(tags, {
    'hidden-link:${appInsights.id}': 'Resource'
  })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: healthTestName
    Name: 'RapidResponse /api/health'
    Description: 'GET /api/health answers 200 when the app runs and reaches its storage.'
    Enabled: true
    Frequency: 300
    Timeout: 30
    Kind: 'standard'
    RetryEnabled: true
    Locations: [
      for locationId in availabilityTestLocations: {
        Id: locationId
      }
    ]
    Request: {
      RequestUrl: '${effectivePublicBaseUrl}/api/health'
      HttpVerb: 'GET'
      ParseDependentRequests: false
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      SSLCheck: true
      SSLCertRemainingLifetimeCheck: 7
    }
  }
}

resource healthAlert 'Microsoft.Insights/metricAlerts@2026-01-01' = {
  name: 'alert-${baseName}-health-${suffix}'
  location: 'global'
  tags: union(tags, {
    'hidden-link:${appInsights.id}': 'Resource'
    'hidden-link:${healthTest.id}': 'Resource'
  })
  properties: {
    description: '/api/health failed from two or more test locations: the app is down or cannot reach its storage, and panic presses may be refused.'
    severity: 0
    enabled: true
    scopes: [
      healthTest.id
      appInsights.id
    ]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria'
      webTestId: healthTest.id
      componentId: appInsights.id
      failedLocationCount: 2
    }
    autoMitigate: true
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}

// ---------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------

@description('Name of the function app, for az functionapp deploy.')
output functionAppName string = functionApp.name

@description('Default host name of the function app.')
output functionAppHostName string = functionApp.properties.defaultHostName

@description('Base URL the app uses for status links and provider callbacks.')
output publicBaseUrl string = effectivePublicBaseUrl

@description('Twilio delivery status callback URL (set as the Messaging Service or number status callback).')
output twilioStatusCallbackUrl string = '${effectivePublicBaseUrl}/api/webhooks/twilio/status'

@description('Twilio inbound SMS webhook URL (set as "A message comes in" on the sender number or Messaging Service).')
output twilioInboundWebhookUrl string = '${effectivePublicBaseUrl}/api/webhooks/twilio/inbound'

@description('SendGrid signed Event Webhook URL (Settings > Mail Settings > Event Webhook).')
output sendGridEventWebhookUrl string = '${effectivePublicBaseUrl}/api/webhooks/sendgrid/events'

@description('Name of the Key Vault holding Twilio--AuthToken, SendGrid--ApiKey, RapidResponse--AdminKey and RapidResponse--DataKey.')
output keyVaultName string = keyVault.name

@description('Name of the storage account holding the queues, tables and deployment packages.')
output storageAccountName string = storage.name

@description('Client id of the user-assigned identity the app runs as.')
output identityClientId string = identity.properties.clientId
