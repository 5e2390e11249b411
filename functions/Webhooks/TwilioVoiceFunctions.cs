using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Channels.Voice;

namespace RapidResponse.Functions.Webhooks;

/// <summary>An escalation call's webhooks: its TwiML, its key press and its status callbacks (all signed by Twilio).</summary>
public sealed class TwilioVoiceFunctions(TwilioVoiceWebhook webhook)
{
    [Function("TwilioVoice")]
    public async Task<IResult> TwimlAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = VoiceRoutes.Twiml)] HttpRequest request,
        CancellationToken cancellationToken) =>
        Twiml(await webhook.TwimlAsync(request, cancellationToken));

    [Function("TwilioVoiceGather")]
    public async Task<IResult> GatherAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = VoiceRoutes.Gather)] HttpRequest request,
        CancellationToken cancellationToken) =>
        Twiml(await webhook.GatherAsync(request, cancellationToken));

    [Function("TwilioVoiceStatus")]
    public async Task<IResult> StatusAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = VoiceRoutes.Status)] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await webhook.StatusAsync(request, cancellationToken))?.ToResult() ?? TypedResults.NoContent();

    private static IResult Twiml(RapidResponse.Http.Result<string> twiml) =>
        twiml.Problem?.ToResult() ?? TypedResults.Content(twiml.Value, VoiceTwiml.ContentType);
}
