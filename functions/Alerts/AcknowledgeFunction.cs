using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Page;
using RapidResponse.Responses;

namespace RapidResponse.Functions.Alerts;

public sealed class AcknowledgeFunction(AcknowledgementLinks links)
{
    /// <summary>The link in emails sent before recipients had pages: a valid one is sent on to its page (303), anything else gets the styled 404.</summary>
    [Function("AcknowledgeAlert")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "alerts/{alertId}/ack")] HttpRequest request,
        string alertId,
        CancellationToken cancellationToken) =>
        await links.PageForAsync(alertId, request.Query["token"].ToString(), cancellationToken) is { } page
            ? new SeeOtherResult(page)
            : new PageResult(PageAssets.Find(PageAssets.NotFound)!, StatusCodes.Status404NotFound);
}
