using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Responses;

namespace RapidResponse.Functions.Alerts;

public sealed class AcknowledgeFunction(AcknowledgementLinks links)
{
    /// <summary>The link in an alert email; the token is the credential. GET shows a button (scanners prefetch links); POST acknowledges.</summary>
    [Function("AcknowledgeAlert")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "alerts/{alertId}/ack")] HttpRequest request,
        string alertId,
        CancellationToken cancellationToken)
    {
        var token = request.Query["token"].ToString();
        var page = HttpMethods.IsPost(request.Method)
            ? await links.AcknowledgeAsync(alertId, token, cancellationToken)
            : await links.ConfirmAsync(alertId, token, cancellationToken);
        return TypedResults.Content(page.Html, "text/html; charset=utf-8", statusCode: page.Status);
    }
}
