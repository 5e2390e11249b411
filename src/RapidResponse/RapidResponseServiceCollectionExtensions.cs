using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Alerts;
using RapidResponse.Audit;
using RapidResponse.Board;
using RapidResponse.Channels;
using RapidResponse.Channels.Budget;
using RapidResponse.Contacts;
using RapidResponse.Coordinators;
using RapidResponse.Dispatch;
using RapidResponse.Events;
using RapidResponse.Http;
using RapidResponse.Operations;
using RapidResponse.Organizers;
using RapidResponse.Page;
using RapidResponse.Recipients;
using RapidResponse.Responses;
using RapidResponse.Retention;
using RapidResponse.Security;
using RapidResponse.Statements;
using RapidResponse.Storage;
using RapidResponse.Telemetry;

namespace RapidResponse;

public static class RapidResponseServiceCollectionExtensions
{
    /// <summary>Everything RapidResponse needs, for the Functions app and the local host alike.</summary>
    public static IServiceCollection AddRapidResponse(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RapidResponseOptions>().BindConfiguration(RapidResponseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EasyAuthOptions>().BindConfiguration(EasyAuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        return services
            .AddRapidResponseProblemDetails()
            .AddRapidResponseStorage(configuration)
            .AddRapidResponseChannels()
            .AddRapidResponseDomain()
            .AddRapidResponseFeedback()
            .AddRapidResponseResponses()
            .AddRapidResponseEvents()
            .AddRapidResponsePage()
            .AddRapidResponseRecipients()
            .AddRapidResponseBoard()
            .AddRapidResponseRetention()
            .AddRapidResponseTelemetry(configuration);
    }

    private static IServiceCollection AddRapidResponseDomain(this IServiceCollection services) => services
        .AddSingleton<Authenticator>()
        .AddSingleton<ManageGate>()
        .AddSingleton<CoordinatorAdmin>()
        .AddSingleton<AuditReader>()
        .AddSingleton<OrganizerAdmin>()
        .AddSingleton<OrganizerTokens>()
        .AddSingleton<OrganizerDirectory>()
        .AddSingleton<SignInCards>()
        .AddSingleton<ContactAdmin>()
        .AddSingleton<AlertIntake>()
        .AddSingleton<PressIdempotency>()
        .AddSingleton(sp => new ActionLimiter(
            sp.GetRequiredService<Azure.Data.Tables.TableServiceClient>().GetTableClient(TableNames.Limits),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RapidResponseOptions>>(),
            sp.GetRequiredService<TimeProvider>()))
        .AddSingleton<AlertReader>()
        .AddSingleton<RecordExporter>()
        .AddSingleton<HealthCheck>()
        .AddSingleton<ServiceHealth>()
        .AddSingleton<OperatorAlerts>()
        .AddSingleton<PoisonMessages>()
        .AddRapidResponseStatements()
        .AddRapidResponseStatementAdmin()
        .AddSingleton(sp => new FirstSends(
            sp.GetRequiredService<DeliveryQueue>(),
            (message, cancellationToken) => sp.GetRequiredService<DeliveryService>().DeliverAsync(message, SendPriority.Urgent, cancellationToken),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<FirstSends>>()))
        .AddSingleton<FanOutService>()
        .AddSingleton<DispatchWatchdog>()
        .AddTransient<EmailBatchService>()
        .AddSingleton<DeliveryWithdrawals>()
        .AddSingleton<RecentAlerts>()
        .AddTransient<DeliveryService>();
}
