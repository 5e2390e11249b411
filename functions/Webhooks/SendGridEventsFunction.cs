using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Channels.Email;

namespace RapidResponse.Functions.Webhooks;

public sealed class SendGridEventsFunction(SendGridEventWebhook webhook)
{
    [Function("SendGridEvents")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/sendgrid/events")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var problem = await webhook.HandleAsync(request, cancellationToken);
        return problem?.ToResult() ?? TypedResults.NoContent();
    }
}
