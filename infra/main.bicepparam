// Sample environment for RapidResponse. Nothing secret is written here: the four secrets are
// read from environment variables when the file is compiled (az deployment ... -p main.bicepparam
// does that on the deploying machine), and compilation fails if one is missing. The provider
// identifiers below are placeholders: replace them with your own accounts' values.
using 'main.bicep'

param appName = 'rapidresp'

param tags = {
  app: 'rapidresponse'
  environment: 'sample'
}

param storageSku = 'Standard_ZRS'
param maximumInstanceCount = 100
param instanceMemoryMB = 2048
param alwaysReadyHttpInstances = 1
param alwaysReadyQueueFunctions = [
  'FanOut'
  'Delivery'
  'Escalation'
]

// Empty: status links and callbacks use https://<function app default host name>.
param publicBaseUrl = ''

// Alerts, deliveries and idempotency records older than this are purged daily.
param retentionDays = 90

param twilioAccountSid = 'AC00000000000000000000000000000000'
param twilioAuthToken = readEnvironmentVariable('TWILIO_AUTH_TOKEN')
param twilioFromNumber = ''
param twilioMessagingServiceSid = 'MG00000000000000000000000000000000'
param twilioMessagesPerSecond = 10
param twilioCallsPerSecond = 1

param sendGridApiKey = readEnvironmentVariable('SENDGRID_API_KEY')
param sendGridFromEmail = 'alerts@example.org'
param sendGridWebhookPublicKey = 'REPLACE-WITH-SENDGRID-EVENT-WEBHOOK-PUBLIC-KEY'

param adminKey = readEnvironmentVariable('RAPIDRESPONSE_ADMIN_KEY')
param dataKey = readEnvironmentVariable('RAPIDRESPONSE_DATA_KEY')

// Who hears about parked messages, failing functions and an unreachable /api/health (placeholders: use your own).
param operatorEmail = 'operator@example.org'
param operatorPhone = {
  countryCode: '44'
  number: '7700900123'
}
param functionFailureThreshold = 10
param availabilityTestLocations = [
  'emea-nl-ams-azr'
  'emea-gb-db3-azr'
  'emea-fr-pra-edge'
]

// true: Storage and Key Vault only through private endpoints in the app's virtual network.
param privateNetworking = false
param virtualNetworkAddressPrefix = '10.42.0.0/16'

param keyVaultPurgeProtection = true
param keyVaultSoftDeleteRetentionDays = 90
param logRetentionDays = 30
