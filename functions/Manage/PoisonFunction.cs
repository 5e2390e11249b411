using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Http;
using RapidResponse.Operations;
using RapidResponse.Security;

namespace RapidResponse.Functions.Manage;

public sealed class PoisonFunction(Authenticator authenticator, PoisonMessages poison)
{
    [Function("ListPoisonMessages")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/poison/{queue}")] HttpRequest request,
        string queue,
        CancellationToken cancellationToken)
    {
        if (Refuse(request, queue) is { } refused)
        {
            return refused.ToResult();
        }

        var parked = await poison.ListAsync(queue, cancellationToken);
        return TypedResults.Json(parked, ApiJson.Default.IReadOnlyListParkedMessage);
    }

    [Function("ReplayPoisonMessages")]
    public async Task<IResult> ReplayAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/poison/{queue}/replay")] HttpRequest request,
        string queue,
        CancellationToken cancellationToken)
    {
        if (Refuse(request, queue) is { } refused)
        {
            return refused.ToResult();
        }

        var report = await poison.ReplayAsync(queue, cancellationToken);
        return TypedResults.Json(report, ApiJson.Default.ReplayReport);
    }

    private Problem? Refuse(HttpRequest request, string queue) =>
        !authenticator.IsAdmin(request) ? Problem.Unauthorized()
        : !PoisonMessages.IsReplayable(queue) ? Problem.NotFound($"'{queue}' is not a queue with a watched poison twin (alerts, deliveries-urgent, deliveries, escalations).")
        : null;
}
