using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Dispatch;
using RapidResponse.Storage;

namespace RapidResponse.Recipients;

public static class RecipientsServiceCollectionExtensions
{
    /// <summary>Recipients' own pages: their links, what the page shows, what they do from it.</summary>
    public static IServiceCollection AddRapidResponseRecipients(this IServiceCollection services) => services
        .AddSingleton<RecipientCodes>()
        .AddSingleton(sp => ActivatorUtilities.CreateInstance<RecipientLinks>(sp, Table(sp, TableNames.RecipientLinks)))
        .AddSingleton<IPageLinks>(sp => sp.GetRequiredService<RecipientLinks>())
        .AddSingleton<RecipientStateReader>()
        .AddSingleton<RecipientActions>()
        .AddSingleton<CallAnswers>()
        .AddSingleton<RapidResponse.Channels.Voice.TwilioVoiceWebhook>()
        .AddSingleton<RecipientPages>();

    private static TableClient Table(IServiceProvider services, string name) =>
        services.GetRequiredService<TableServiceClient>().GetTableClient(name);
}
