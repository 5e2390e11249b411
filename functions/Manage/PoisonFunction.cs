using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Http;
using RapidResponse.Operations;
using RapidResponse.Security;

namespace RapidResponse.Functions.Manage;

public sealed class PoisonFunction(ManageGate gate, PoisonMessages poison)
{
    [Function("ListPoisonMessages")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/poison/{queue}")] HttpRequest request,
        string queue,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, ManageAction.ReadParked, cancellationToken);
        if (admitted.Problem is { } refused)
        {
            return refused.ToResult();
        }

        var parked = await poison.ListAsync(admitted.Value!, queue, cancellationToken);
        return parked.ToHttpResult(ApiJson.Default.IReadOnlyListParkedMessage);
    }

    [Function("ReplayPoisonMessages")]
    public async Task<IResult> ReplayAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/poison/{queue}/replay")] HttpRequest request,
        string queue,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, ManageAction.ReplayParked, cancellationToken);
        if (admitted.Problem is { } refused)
        {
            return refused.ToResult();
        }

        var report = await poison.ReplayAsync(admitted.Value!, queue, cancellationToken);
        return report.ToHttpResult(ApiJson.Default.ReplayReport);
    }
}
