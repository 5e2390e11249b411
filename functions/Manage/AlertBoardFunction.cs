using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Board;
using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Functions.Manage;

/// <summary>The coordinators' live board: the open alerts in the caller's regions, and one alert opened with its checked record.</summary>
public sealed class AlertBoardFunction(ManageGate gate, AlertBoard board)
{
    [Function("ListBoardAlerts")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/alerts")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, ManageAction.ReadAlerts, cancellationToken);
        if (admitted.Problem is { } refused)
        {
            return refused.ToResult();
        }

        var listed = await board.ListAsync(request.Query["state"], admitted.Value!, request.Query["language"], cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return listed.ToHttpResult(ApiJson.Default.IReadOnlyListBoardAlert);
    }

    [Function("OpenBoardAlert")]
    public async Task<IResult> OpenAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/alerts/{alertId}")] HttpRequest request,
        string alertId,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, ManageAction.ReadAlerts, cancellationToken);
        if (admitted.Problem is { } refused)
        {
            return refused.ToResult();
        }

        var opened = await board.OpenAsync(alertId, admitted.Value!, request.Query["language"], cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return opened.ToHttpResult(ApiJson.Default.BoardAlertDetail);
    }
}
