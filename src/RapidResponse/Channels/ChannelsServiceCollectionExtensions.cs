using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RapidResponse.Channels.Budget;
using RapidResponse.Channels.Email;
using RapidResponse.Channels.Sms;
using RapidResponse.Storage;

namespace RapidResponse.Channels;

public static class ChannelsServiceCollectionExtensions
{
    /// <summary>
    /// Twilio SMS and SendGrid email, each on a typed HttpClient with the send resilience pipeline; their send rate is
    /// the deployment's, shared through the <c>SendBudget</c> table (<see cref="ISendBudget"/>), not the pipeline's.
    /// </summary>
    public static IServiceCollection AddRapidResponseChannels(this IServiceCollection services)
    {
        services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SendGridOptions>().BindConfiguration(SendGridOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddHttpClient<ISmsSender, TwilioSmsSender>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(sp => new BaseUrlHandler(sp.GetRequiredService<IOptions<TwilioOptions>>().Value.BaseUrl))
            .AddResilienceHandler("twilio-send", (pipeline, _) => SendResilience.Configure(pipeline, messagesPerSecond: null));

        services.AddHttpClient<IEmailSender, SendGridEmailSender>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("sendgrid-send", (pipeline, _) => SendResilience.Configure(pipeline, messagesPerSecond: null));
        services.AddSingleton<IBucketStore>(sp => new TableBucketStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(TableNames.SendBudget)));
        services.AddSingleton<SendBudget>();
        services.AddSingleton<ISendBudget>(sp => sp.GetRequiredService<SendBudget>());
        return services;
    }
}
