using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace RapidResponse.Channels.Sms;

/// <summary>
/// Sends SMS through Twilio's SDK over a typed <see cref="System.Net.Http.HttpClient"/> that carries the send
/// resilience pipeline and the configured base URL. Every SMS asks for a status callback and has a validity period.
/// </summary>
public sealed class TwilioSmsSender(
    System.Net.Http.HttpClient http,
    IOptions<TwilioOptions> twilio,
    IOptions<RapidResponseOptions> service) : ISmsSender
{
    public const string Provider = "twilio";

    /// <summary>Twilio's clock and ours may differ; a message listed a little before our claim still counts.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    public async Task<SendOutcome> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var settings = twilio.Value;
        var client = Client(settings);
        var options = new CreateMessageOptions(new PhoneNumber(message.To))
        {
            Body = message.Body,
            StatusCallback = service.Value.Link($"api/webhooks/twilio/status?ref={Uri.EscapeDataString(message.Reference)}"),
            ValidityPeriod = settings.ValidityPeriodSeconds,
        };
        if (!string.IsNullOrWhiteSpace(settings.MessagingServiceSid))
        {
            options.MessagingServiceSid = settings.MessagingServiceSid;
        }
        else
        {
            options.From = new PhoneNumber(settings.FromNumber);
        }

        try
        {
            // The SDK takes no CancellationToken; the HttpClient pipeline's timeouts bound the call.
            var sent = await MessageResource.CreateAsync(options, client);
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

    /// <summary>
    /// Twilio's Messages list, filtered by <c>To</c>, <c>From</c> (when sending from a number; a Messaging Service
    /// picks its own) and <c>DateSent</c>, matched on the text, which carries the alert's reference.
    /// </summary>
    public async Task<string?> FindSentAsync(SmsMessage message, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var settings = twilio.Value;
        var options = new ReadMessageOptions
        {
            To = new PhoneNumber(message.To),
            DateSentAfter = (since - ClockSkew).UtcDateTime,
            // One page: a recipient gets a handful of messages per alert, and a later page would be read synchronously.
            PageSize = 50,
            Limit = 50,
        };
        if (string.IsNullOrWhiteSpace(settings.MessagingServiceSid))
        {
            options.From = new PhoneNumber(settings.FromNumber);
        }

        try
        {
            var listed = await MessageResource.ReadAsync(options, Client(settings));
            return listed.FirstOrDefault(m => string.Equals(m.Body, message.Body, StringComparison.Ordinal))?.Sid;
        }
        catch (ApiException exception)
        {
            throw new ProviderUnavailableException(Provider, mayHaveReachedProvider: false, $"Twilio answered {exception.Status} to a lookup", exception);
        }
        catch (ApiConnectionException exception)
        {
            throw new ProviderUnavailableException(Provider, mayHaveReachedProvider: false, "Twilio could not be reached for a lookup", exception);
        }
    }

    private TwilioRestClient Client(TwilioOptions settings) =>
        new(settings.AccountSid, settings.AuthToken, httpClient: new SystemNetHttpClient(http));
}
