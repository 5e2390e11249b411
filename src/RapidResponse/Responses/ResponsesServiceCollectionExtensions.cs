using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Channels.Sms;
using RapidResponse.Dispatch;
using RapidResponse.Escalation;
using RapidResponse.Organizers;
using RapidResponse.Security;
using RapidResponse.Storage;

namespace RapidResponse.Responses;

public static class ResponsesServiceCollectionExtensions
{
    /// <summary>After the press: acknowledgements, inbound SMS, escalation, resolve and updates, organizer settings.</summary>
    public static IServiceCollection AddRapidResponseResponses(this IServiceCollection services) => services
        .AddSingleton<PhoneHasher>()
        .AddSingleton<AckLinks>()
        .AddSingleton(sp => new WebhookReceipts(Table(sp, TableNames.WebhookReceipts), sp.GetRequiredService<TimeProvider>()))
        .AddSingleton(sp => new ResponseStore(Table(sp, TableNames.Alerts), sp.GetRequiredService<FieldCipher>()))
        .AddSingleton(sp => new RecipientResponseStore(Table(sp, TableNames.Alerts), sp.GetRequiredService<FieldCipher>()))
        .AddSingleton(sp => new PhoneIndex(Table(sp, TableNames.PhoneIndex), sp.GetRequiredService<PhoneHasher>()))
        .AddSingleton(sp => new EscalationPolicyStore(Table(sp, TableNames.EscalationPolicies)))
        .AddSingleton<EscalationPolicyAdmin>()
        .AddSingleton<EscalationScheduler>()
        .AddSingleton<EscalationService>()
        .AddSingleton<CallPlanner>()
        .AddSingleton<DeliveryPlanner>()
        .AddSingleton<IDeliveryContent, DeliveryContent>()
        .AddSingleton<WhatsAppDispatch>()
        .AddSingleton<AcknowledgementService>()
        .AddSingleton<DeclineService>()
        .AddSingleton<AcknowledgementLinks>()
        .AddSingleton<InboundSmsService>()
        .AddSingleton<TwilioInboundWebhook>()
        .AddSingleton<FollowUpService>()
        .AddSingleton<OrganizerSettings>();

    private static TableClient Table(IServiceProvider services, string name) =>
        services.GetRequiredService<TableServiceClient>().GetTableClient(name);
}
