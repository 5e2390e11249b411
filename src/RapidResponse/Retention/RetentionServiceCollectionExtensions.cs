using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RapidResponse.Storage;

namespace RapidResponse.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>The retention purge over the <c>Alerts</c>, <c>Idempotency</c>, <c>WebhookReceipts</c>, <c>RecipientLinks</c> and <c>Audit</c> tables, with its validated options.</summary>
    public static IServiceCollection AddRapidResponseRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var tables = sp.GetRequiredService<TableServiceClient>();
            return new RetentionPurge(
                tables.GetTableClient(TableNames.Alerts),
                tables.GetTableClient(TableNames.Idempotency),
                sp.GetRequiredService<IOptions<RetentionOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<RetentionPurge>>(),
                tables.GetTableClient(TableNames.WebhookReceipts),
                tables.GetTableClient(TableNames.RecipientLinks),
                tables.GetTableClient(TableNames.Audit));
        });
        return services;
    }
}
