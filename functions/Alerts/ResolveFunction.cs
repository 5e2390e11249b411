using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Http;
using RapidResponse.Responses;
using RapidResponse.Security;

namespace RapidResponse.Functions.Alerts;

public sealed class ResolveFunction(Authenticator authenticator, FollowUpService followUps)
{
    [Function("ResolveAlert")]
    public async Task<IResult> ResolveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "alerts/{alertId}/resolve")] HttpRequest request,
        string alertId,
        CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (caller is null)
        {
            return Problem.Unauthorized().ToResult();
        }

        var body = await JsonBody.ReadAsync(request, ApiJson.Default.ResolveRequest, cancellationToken);
        if (body.Problem is { } malformed)
        {
            return malformed.ToResult();
        }

        var changed = await followUps.ResolveAsync(caller, alertId, body.Value!, cancellationToken);
        return changed.ToHttpResult(ApiJson.Default.AlertChanged);
    }

    [Function("UpdateAlert")]
    public async Task<IResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "alerts/{alertId}/updates")] HttpRequest request,
        string alertId,
        CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (caller is null)
        {
            return Problem.Unauthorized().ToResult();
        }

        var body = await JsonBody.ReadAsync(request, ApiJson.Default.UpdateRequest, cancellationToken);
        if (body.Problem is { } malformed)
        {
            return malformed.ToResult();
        }

        var changed = await followUps.UpdateAsync(caller, alertId, body.Value!, cancellationToken);
        return changed.ToHttpResult(ApiJson.Default.AlertChanged);
    }
}
