using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RapidResponse.Channels.Budget;
using RapidResponse.Channels.Email;
using RapidResponse.Channels.Sms;
using RapidResponse.Channels.Voice;
using RapidResponse.Channels.WhatsApp;
using RapidResponse.Storage;

namespace RapidResponse.Channels;

public static class ChannelsServiceCollectionExtensions
{
    /// <summary>
    /// Twilio SMS, calls and WhatsApp and SendGrid email, each on a typed HttpClient with the send resilience pipeline;
    /// their send rates are the deployment's, shared through the <c>SendBudget</c> table (<see cref="ISendBudget"/>),
    /// not the pipeline's.
    /// </summary>
    public static IServiceCollection AddRapidResponseChannels(this IServiceCollection services)
    {
        services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SendGridOptions>().BindConfiguration(SendGridOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddHttpClient<ISmsSender, TwilioSmsSender>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(sp => new BaseUrlHandler(sp.GetRequiredService<IOptions<TwilioOptions>>().Value.BaseUrl))
            .AddResilienceHandler("twilio-send", (pipeline, context) => SendResilience.Configure(pipeline, BackoffScale(context.ServiceProvider)));

        services.AddHttpClient<ICallPlacer, TwilioCallPlacer>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(sp => new BaseUrlHandler(sp.GetRequiredService<IOptions<TwilioOptions>>().Value.BaseUrl))
            .AddResilienceHandler("twilio-call", (pipeline, context) => SendResilience.Configure(pipeline, BackoffScale(context.ServiceProvider)));

        services.AddHttpClient<IWhatsAppSender, TwilioWhatsAppSender>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(sp => new BaseUrlHandler(sp.GetRequiredService<IOptions<TwilioOptions>>().Value.BaseUrl))
            .AddResilienceHandler("twilio-whatsapp", (pipeline, context) => SendResilience.Configure(pipeline, BackoffScale(context.ServiceProvider)));

        services.AddHttpClient<IEmailSender, SendGridEmailSender>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("sendgrid-send", (pipeline, context) => SendResilience.Configure(pipeline, BackoffScale(context.ServiceProvider)));
        services.AddSingleton<IBucketStore>(sp => new TableBucketStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(TableNames.SendBudget)));
        services.AddSingleton<SendBudget>();
        services.AddSingleton<ISendBudget>(sp => sp.GetRequiredService<SendBudget>());
        services.AddHostedService<SendBudgetWarmUp>();
        return services;
    }

    private static double BackoffScale(IServiceProvider services) => services.GetRequiredService<IOptions<RapidResponseOptions>>().Value.BackoffScale;
}
