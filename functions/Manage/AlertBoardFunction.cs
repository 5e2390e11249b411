using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Board;
using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Functions.Manage;

/// <summary>The coordinators' live board: the open alerts, and one alert opened with its checked record.</summary>
public sealed class AlertBoardFunction(Authenticator authenticator, AlertBoard board)
{
    [Function("ListBoardAlerts")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/alerts")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!authenticator.IsAdmin(request))
        {
            return Problem.Unauthorized().ToResult();
        }

        var listed = await board.ListAsync(request.Query["state"], null, request.Query["language"], cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return listed.ToHttpResult(ApiJson.Default.IReadOnlyListBoardAlert);
    }

    [Function("OpenBoardAlert")]
    public async Task<IResult> OpenAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/alerts/{alertId}")] HttpRequest request,
        string alertId,
        CancellationToken cancellationToken)
    {
        if (!authenticator.IsAdmin(request))
        {
            return Problem.Unauthorized().ToResult();
        }

        var opened = await board.OpenAsync(alertId, null, request.Query["language"], cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return opened.ToHttpResult(ApiJson.Default.BoardAlertDetail);
    }
}
