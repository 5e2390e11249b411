using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Channels.Sms;

namespace RapidResponse.Functions.Webhooks;

public sealed class TwilioStatusFunction(TwilioStatusWebhook webhook)
{
    [Function("TwilioStatus")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/twilio/status")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var problem = await webhook.HandleAsync(request, cancellationToken);
        return problem?.ToResult() ?? TypedResults.NoContent();
    }
}
