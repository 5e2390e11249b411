using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Storage;

namespace RapidResponse.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>Events registered ahead: the <c>Events</c> table and the registry.</summary>
    public static IServiceCollection AddRapidResponseEvents(this IServiceCollection services) => services
        .AddSingleton(sp => new EventStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(TableNames.Events), sp.GetRequiredService<Security.FieldCipher>()))
        .AddSingleton<EventRegistry>();
}
