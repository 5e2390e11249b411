using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Responses;

namespace RapidResponse.Functions.Alerts;

public sealed class AcknowledgeFunction(AcknowledgementLinks links)
{
    /// <summary>The one-click link in an alert email; the token is the credential.</summary>
    [Function("AcknowledgeAlert")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "alerts/{alertId}/ack")] HttpRequest request,
        string alertId,
        CancellationToken cancellationToken)
    {
        var page = await links.AcknowledgeAsync(alertId, request.Query["token"].ToString(), cancellationToken);
        return TypedResults.Content(page.Html, "text/html; charset=utf-8", statusCode: page.Status);
    }
}
