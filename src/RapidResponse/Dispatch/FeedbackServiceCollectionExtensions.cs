using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Channels.Email;
using RapidResponse.Channels.Sms;

namespace RapidResponse.Dispatch;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>Provider feedback: Twilio status callbacks and SendGrid events, applied to Delivery rows.</summary>
    public static IServiceCollection AddRapidResponseFeedback(this IServiceCollection services) => services
        .AddSingleton<DeliveryFeedback>()
        .AddSingleton<DeliveryFallback>()
        .AddSingleton<TwilioStatusWebhook>()
        .AddSingleton<SendGridEventWebhook>();
}
