using System.Text.Json;
using Microsoft.Extensions.Options;
using RapidResponse.Channels.Sms;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace RapidResponse.Channels.WhatsApp;

/// <summary>
/// Sends WhatsApp through Twilio's Messages API (<c>whatsapp:+…</c> from <c>Twilio__WhatsAppFrom</c>) over the typed
/// HttpClient with the configured base URL and send resilience. Twilio refuses a number that is not on WhatsApp, a
/// template WhatsApp has not approved, or free text outside the 24-hour window, each as a 4xx (codes 63003, 63016…)
/// or later as a failed status: <see cref="SendOutcome.Rejected"/>, which falls back to SMS.
/// </summary>
public sealed class TwilioWhatsAppSender(
    System.Net.Http.HttpClient http,
    IOptions<TwilioOptions> twilio,
    IOptions<RapidResponseOptions> service) : IWhatsAppSender
{
    public const string Prefix = "whatsapp:";

    /// <summary>The send budget's name for WhatsApp sends (<c>Twilio__WhatsAppMessagesPerSecond</c>).</summary>
    public const string Provider = "twilio-whatsapp";

    public string? TemplateFor(string language)
    {
        var settings = twilio.Value;
        if (string.IsNullOrWhiteSpace(settings.WhatsAppFrom))
        {
            return null;
        }

        // Kazakh contacts get the Russian template until a Kazakh one is approved.
        return settings.WhatsAppContentSids.GetValueOrDefault(language)
            ?? (language == "kk" ? settings.WhatsAppContentSids.GetValueOrDefault("ru") : null);
    }

    public async Task<SendOutcome> SendAsync(WhatsAppMessage message, CancellationToken cancellationToken)
    {
        var settings = twilio.Value;
        if (string.IsNullOrWhiteSpace(settings.WhatsAppFrom))
        {
            return new SendOutcome.Rejected("not-configured", "Twilio__WhatsAppFrom is not set");
        }

        var options = new CreateMessageOptions(new PhoneNumber(Prefix + message.To))
        {
            From = new PhoneNumber(Prefix + settings.WhatsAppFrom),
            StatusCallback = service.Value.Link($"api/webhooks/twilio/status?ref={Uri.EscapeDataString(message.Reference)}"),
            ValidityPeriod = settings.ValidityPeriodSeconds,
        };
        if (message.ContentSid is { } template)
        {
            options.ContentSid = template;
            options.ContentVariables = JsonSerializer.Serialize(message.ContentVariables ?? new Dictionary<string, string>(), WhatsAppJson.Default.IReadOnlyDictionaryStringString);
        }
        else
        {
            options.Body = message.Body;
        }

        try
        {
            var sent = await MessageResource.CreateAsync(options, new TwilioRestClient(settings.AccountSid, settings.AuthToken, httpClient: new SystemNetHttpClient(http)));
            return new SendOutcome.Accepted(sent.Sid);
        }
        catch (ApiException exception)
        {
            return TwilioFailures.Outcome(exception);
        }
        catch (ApiConnectionException exception)
        {
            throw TwilioFailures.Unreachable(exception);
        }
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class WhatsAppJson : System.Text.Json.Serialization.JsonSerializerContext;
