using Azure.Data.Tables;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Alerts;
using RapidResponse.Audit;
using RapidResponse.Contacts;
using RapidResponse.Coordinators;
using RapidResponse.Dispatch;
using RapidResponse.Operations;
using RapidResponse.Organizers;
using RapidResponse.Security;

namespace RapidResponse.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The storage account of <c>AzureWebJobsStorage</c>, its tables' adapters and the queues.</summary>
    public static IServiceCollection AddRapidResponseStorage(this IServiceCollection services, IConfiguration configuration)
    {
        // Before AddAzureClients, whose own default-client registrations are only tried.
        services.AddStorageClientSingletons();
        services.AddAzureClients(clients => clients.AddStorageClients(configuration));
        services.AddSingleton<FieldCipher>();
        services.AddSingleton(sp => new ContactStore(Table(sp, TableNames.Contacts), sp.GetRequiredService<FieldCipher>()));
        services.AddSingleton(sp => new OrganizerStore(Table(sp, TableNames.Organizers), sp.GetRequiredService<FieldCipher>()));
        services.AddSingleton(sp => new CoordinatorStore(Table(sp, TableNames.Coordinators), sp.GetRequiredService<FieldCipher>()));
        services.AddSingleton(sp => new AuditLog(Table(sp, TableNames.Audit), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new AlertStore(Table(sp, TableNames.Alerts), sp.GetRequiredService<FieldCipher>()));
        services.AddSingleton(sp => new IdempotencyStore(Table(sp, TableNames.Idempotency)));
        services.AddSingleton(sp => new ParkedMessageStore(Table(sp, TableNames.PoisonMessages)));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ProviderOutages>(sp, Table(sp, TableNames.ProviderStatus)));
        services.AddSingleton(sp => new PendingWork(Table(sp, TableNames.PendingWork), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new OpenAlerts(Table(sp, TableNames.OpenAlerts)));
        services.AddSingleton<AlertQueue>();
        services.AddSingleton<DeliveryQueue>();
        services.AddHostedService<StorageInitializer>();
        return services;
    }

    private static TableClient Table(IServiceProvider services, string name) =>
        services.GetRequiredService<TableServiceClient>().GetTableClient(name);
}
