using Microsoft.Extensions.Options;
using RapidResponse.Channels.Sms;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace RapidResponse.Channels.Voice;

/// <summary>
/// Places calls through Twilio's Calls API over the same typed HttpClient as SMS (base URL, resilience). Twilio
/// fetches the TwiML from the service, detects answering machines (<c>MachineDetection=Enable</c>: the TwiML request
/// says <c>AnsweredBy</c>), and reports initiated, ringing, answered and completed to the status webhook.
/// </summary>
public sealed class TwilioCallPlacer(
    System.Net.Http.HttpClient http,
    IOptions<TwilioOptions> twilio,
    IOptions<RapidResponseOptions> service) : ICallPlacer
{
    /// <summary>The send budget's name for the account's calls (<see cref="TwilioOptions.CallsPerSecond"/>).</summary>
    public const string Provider = "twilio-voice";

    /// <summary>Seconds Twilio lets it ring before reporting no-answer (Twilio's default is 60).</summary>
    public const int RingSeconds = 40;

    public async Task<SendOutcome> PlaceAsync(CallRequest call, CancellationToken cancellationToken)
    {
        var settings = twilio.Value;
        var links = service.Value;
        var options = new CreateCallOptions(new PhoneNumber(call.To), new PhoneNumber(settings.VoiceFromNumber ?? settings.FromNumber))
        {
            Url = links.Link(VoiceRoutes.For(VoiceRoutes.Twiml, call.Reference)),
            StatusCallback = links.Link(VoiceRoutes.For(VoiceRoutes.Status, call.Reference)),
            StatusCallbackEvent = ["initiated", "ringing", "answered", "completed"],
            MachineDetection = "Enable",
            Timeout = RingSeconds,
        };

        try
        {
            // The SDK takes no CancellationToken; the HttpClient pipeline's timeouts bound the call.
            var placed = await CallResource.CreateAsync(options, new TwilioRestClient(settings.AccountSid, settings.AuthToken, httpClient: new SystemNetHttpClient(http)));
            return new SendOutcome.Accepted(placed.Sid);
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
