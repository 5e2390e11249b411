using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace RapidResponse.Storage;

/// <summary>
/// The storage account behind <c>AzureWebJobsStorage</c>, as the Functions host reads it: a connection string
/// (Azurite, or a key-based account), or identity-based <c>AzureWebJobsStorage__accountName</c> /
/// <c>__tableServiceUri</c> / <c>__queueServiceUri</c> with <c>__credential=managedidentity</c> and <c>__clientId</c>.
/// </summary>
public sealed class StorageConnection
{
    public const string Key = "AzureWebJobsStorage";

    private readonly string? connectionString;
    private readonly Uri? tableUri;
    private readonly Uri? queueUri;
    private readonly TokenCredential? credential;

    private StorageConnection(string? connectionString, Uri? tableUri, Uri? queueUri, TokenCredential? credential)
    {
        this.connectionString = connectionString;
        this.tableUri = tableUri;
        this.queueUri = queueUri;
        this.credential = credential;
    }

    public static StorageConnection From(IConfiguration configuration)
    {
        if (configuration[Key] is { Length: > 0 } connectionString)
        {
            return new StorageConnection(connectionString, null, null, null);
        }

        var section = configuration.GetSection(Key);
        var account = section["accountName"];
        var tableUri = Uri(section["tableServiceUri"]) ?? (account is null ? null : new Uri($"https://{account}.table.core.windows.net"));
        var queueUri = Uri(section["queueServiceUri"]) ?? (account is null ? null : new Uri($"https://{account}.queue.core.windows.net"));
        if (tableUri is null || queueUri is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set '{Key}' to a connection string, or '{Key}__accountName' for an identity-based connection.");
        }

        TokenCredential credential = string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(section["clientId"] is { Length: > 0 } clientId
                ? ManagedIdentityId.FromUserAssignedClientId(clientId)
                : ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential();
        return new StorageConnection(null, tableUri, queueUri, credential);
    }

    public TableServiceClient CreateTableServiceClient() =>
        connectionString is not null ? new TableServiceClient(connectionString) : new TableServiceClient(tableUri, credential);

    /// <summary>Queue messages are base64, as the Functions Storage queue extension expects by default.</summary>
    public QueueServiceClient CreateQueueServiceClient()
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return connectionString is not null
            ? new QueueServiceClient(connectionString, options)
            : new QueueServiceClient(queueUri, credential, options);
    }

    private static Uri? Uri(string? value) => string.IsNullOrEmpty(value) ? null : new Uri(value);
}
