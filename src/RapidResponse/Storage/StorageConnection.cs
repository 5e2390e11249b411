using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RapidResponse.Storage;

/// <summary>
/// The storage account behind <c>AzureWebJobsStorage</c>, read as the Functions host reads it: a connection string
/// (Azurite, or a key-based account), or identity-based <c>AzureWebJobsStorage__accountName</c> (which wins) or
/// <c>__tableServiceUri</c> / <c>__queueServiceUri</c>, with the credential the Azure SDK's component factory makes
/// from the same section (<c>__credential=managedidentity</c>, <c>__clientId</c>; otherwise the default chain).
/// </summary>
public static class StorageConnection
{
    /// <summary>The connection's name, and the name its clients are registered under.</summary>
    public const string Name = "AzureWebJobsStorage";

    /// <summary>Registers the account's table and queue service clients under <see cref="Name"/>.</summary>
    public static AzureClientFactoryBuilder AddStorageClients(this AzureClientFactoryBuilder clients, IConfiguration configuration)
    {
        var section = configuration.GetSection(Name);
        if (section.Value is { Length: > 0 } connectionString)
        {
            clients.AddTableServiceClient(connectionString).WithName(Name).ConfigureOptions(RecreateMissingTables);
            clients.AddQueueServiceClient(connectionString).WithName(Name).ConfigureOptions(Base64).ConfigureOptions(RecreateMissingQueues);
            return clients;
        }

        Func<IServiceProvider, Azure.Core.TokenCredential> credential =
            services => services.GetRequiredService<AzureComponentFactory>().CreateTokenCredential(section);
        clients.AddTableServiceClient(ServiceUri(section, "table")).WithName(Name).WithCredential(credential)
            .ConfigureOptions(RecreateMissingTables);
        clients.AddQueueServiceClient(ServiceUri(section, "queue")).WithName(Name).WithCredential(credential)
            .ConfigureOptions(Base64).ConfigureOptions(RecreateMissingQueues);
        return clients;
    }

    /// <summary>The clients registered by <see cref="AddStorageClients"/>, as plain singletons for the app's services.</summary>
    public static IServiceCollection AddStorageClientSingletons(this IServiceCollection services) => services
        .AddSingleton(sp => sp.GetRequiredService<IAzureClientFactory<TableServiceClient>>().CreateClient(Name))
        .AddSingleton(sp => sp.GetRequiredService<IAzureClientFactory<QueueServiceClient>>().CreateClient(Name));

    /// <summary>Queue messages are base64, as the Functions Storage queue extension expects by default.</summary>
    private static void Base64(QueueClientOptions options) => options.MessageEncoding = QueueMessageEncoding.Base64;

    /// <summary>A contract table deleted while the host runs is created again by the request that finds it missing.</summary>
    private static void RecreateMissingTables(TableClientOptions options, IServiceProvider services) => options.AddPolicy(
        MissingStorageRecreation.ForTables(services.GetRequiredService<TableServiceClient>), HttpPipelinePosition.PerCall);

    /// <summary>Likewise a contract queue (or its poison twin), for sends, receives and health alike.</summary>
    private static void RecreateMissingQueues(QueueClientOptions options, IServiceProvider services) => options.AddPolicy(
        MissingStorageRecreation.ForQueues(services.GetRequiredService<QueueServiceClient>), HttpPipelinePosition.PerCall);

    // The host's order: accountName first (https://{account}.{service}.core.windows.net), then {service}ServiceUri.
    private static Uri ServiceUri(IConfigurationSection section, string service) =>
        section["accountName"] is { Length: > 0 } account ? new Uri($"https://{account}.{service}.core.windows.net")
        : section[service + "ServiceUri"] is { Length: > 0 } uri ? new Uri(uri)
        : throw new InvalidOperationException(
            $"Storage is not configured: set '{Name}' to a connection string, or '{Name}__accountName' (or '{Name}__{service}ServiceUri') for an identity-based connection.");
}
