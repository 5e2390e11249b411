using RapidResponse.Security;
using Twilio.Exceptions;

namespace RapidResponse.Channels.Sms;

/// <summary>
/// What a failed Twilio send (SMS or call) means: the recipient's failure (a 4xx: rejected, try the fallback) or the
/// provider's (an account refusal, a 5xx or 429, no connection: held and retried). Twilio's text often quotes the
/// number: it is masked (<see cref="Pii.MaskText"/>) and the SDK's exception, which carries it verbatim, is not
/// passed on to be stored or logged.
/// </summary>
public static class TwilioFailures
{
    public static SendOutcome Outcome(ApiException exception)
    {
        if (TwilioErrors.IsAccountLevel(exception.Status, exception.Code))
        {
            throw new ProviderUnavailableException(
                TwilioSmsSender.Provider, mayHaveReachedProvider: false,
                $"Twilio refused the account ({exception.Status}, {exception.Code}): {Pii.MaskText(exception.Message)}", accountRefused: true);
        }

        if (exception.Status is >= 400 and < 500 and not 429)
        {
            return new SendOutcome.Rejected(exception.Code.ToString(System.Globalization.CultureInfo.InvariantCulture), Pii.MaskText(exception.Message));
        }

        throw new ProviderUnavailableException(
            TwilioSmsSender.Provider, exception.Status is not (429 or 503), $"Twilio answered {exception.Status}: {Pii.MaskText(exception.Message)}");
    }

    public static ProviderUnavailableException Unreachable(ApiConnectionException exception) =>
        new(TwilioSmsSender.Provider, SendResilience.MayHaveReachedProvider(exception.InnerException), "Twilio could not be reached", exception);
}
