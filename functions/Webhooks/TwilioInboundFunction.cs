using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Channels.Sms;

namespace RapidResponse.Functions.Webhooks;

public sealed class TwilioInboundFunction(TwilioInboundWebhook webhook)
{
    [Function("TwilioInbound")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/twilio/inbound")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var twiml = await webhook.HandleAsync(request, cancellationToken);
        return twiml.Problem?.ToResult() ?? TypedResults.Content(twiml.Value, TwilioInboundWebhook.ContentType);
    }
}
